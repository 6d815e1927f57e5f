// The Prisma client generated from prisma/postgresql/schema.prisma: the same models, PostgreSQL's
// SQL. Apart from lib/db.ts so that tools and tests can open a PostgreSQL database without
// creating the process's default client (which follows DATABASE_URL).
import { PrismaPg } from "@prisma/adapter-pg";
import type { Db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma-pg/client";

/**
 * Typed as the SQLite client: the models and their fields are the same, and code that used a
 * feature only one engine has would be a bug on the other anyway. Secrets are omitted as there.
 */
export function createPostgresClient(url: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), omit: { user: { passwordHash: true } } }) as unknown as Db;
}
