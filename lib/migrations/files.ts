// The migrations this code ships, and those a database recorded as applied, on either engine:
// SQLite's are Prisma's (`prisma migrate deploy`, table _prisma_migrations), PostgreSQL's the
// app's own runner's (lib/migrations/postgres.ts, table _jsjb_migrations). Both record the
// SHA-256 of migration.sql.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import type { MigrationRecord } from "@/lib/domain/migrations";
import type { DatabaseEngine } from "@/lib/env";

/**
 * Read at run time from the project folder, which `npm start`, the CLI and the tests run from (the
 * production server too: scripts/serve.mjs is started there); the comment keeps the bundler from
 * tracing the folder into the build.
 */
export const MIGRATIONS_DIRS: Record<DatabaseEngine, string> = {
  sqlite: path.resolve(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations"),
  postgresql: path.resolve(/* turbopackIgnore: true */ process.cwd(), "prisma", "postgresql", "migrations"),
};

export type Migration = MigrationRecord & { sql: string };

/** The migration folders in `dir`, in name (= apply) order, with their SQL and its checksum. */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * What the database recorded as applied; null when it has no record at all (an empty database,
 * or not this app's). Prisma keeps a failed or rolled-back attempt as a row too: only finished
 * ones count. Any Kysely instance: the site's own (`sql()`) or another (a site being moved).
 */
export async function appliedMigrations<T>(db: Kysely<T>, engine: DatabaseEngine): Promise<MigrationRecord[] | null> {
  if (engine === "postgresql") {
    const { rows } = await sql<{ present: boolean }>`SELECT to_regclass('"_jsjb_migrations"') IS NOT NULL AS "present"`.execute(db);
    if (!rows[0]?.present) return null;
    return (await sql<MigrationRecord>`SELECT "name", "checksum" FROM "_jsjb_migrations"`.execute(db)).rows;
  }
  const { rows } = await sql`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`.execute(db);
  if (rows.length === 0) return null;
  const applied = await sql<MigrationRecord>`
    SELECT migration_name AS name, checksum FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`.execute(db);
  return applied.rows;
}
