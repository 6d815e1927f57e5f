import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";

// The PostgreSQL schema's CLI configuration: `prisma generate` and `prisma migrate diff` only.
// Migrations are applied by the app's own runner (lib/migrations/postgres.ts): Prisma 6.19's JS
// schema engine cannot `migrate deploy` against PostgreSQL (STACK.md).

// The schema's datasource names DATABASE_URL; unresolved or not a PostgreSQL URL (the SQLite
// default), the CLI falls back to downloading a query engine (no network here). Generating and
// diffing need no database, so any PostgreSQL URL will do.
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) process.env.DATABASE_URL = "postgresql://localhost/unused";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
} satisfies PrismaConfig;
