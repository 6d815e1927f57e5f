import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";
import { env } from "./lib/env";

// Prisma 6.19 with the JS engine: the CLI (migrate deploy, diff) talks to SQLite through the
// same driver adapter as the app, so nothing is downloaded (STACK.md).
process.env.DATABASE_URL ??= env().databaseUrl;

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url: env().databaseUrl }, { timestampFormat: "unixepoch-ms" }),
} satisfies PrismaConfig;
