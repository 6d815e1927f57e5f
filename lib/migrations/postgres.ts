// Applies prisma/postgresql/migrations/*/migration.sql to a PostgreSQL database, in name order,
// each once, each in its own transaction, recorded with its checksum. Prisma 6.19's JS schema
// engine cannot `migrate deploy` against PostgreSQL (STACK.md), so the app applies them itself.
// Nodes starting at once take turns on an advisory lock: the first applies, the others wait and
// then find nothing left to do.
import pg from "pg";
import { compareMigrations } from "@/lib/domain/migrations";
import { MIGRATIONS_DIRS, readMigrations } from "@/lib/migrations/files";

/** Any fixed 64-bit number: the key of the advisory lock that serialises migrating nodes. */
const MIGRATION_LOCK_KEY = 7_301_120_261_130;

/**
 * Brings the database up to the newest migration; returns the names applied now. Refuses a
 * database whose applied migration has changed since (edit a migration = a new migration) or that
 * knows a migration this code does not (a newer version ran against it).
 */
export async function migratePostgres(url: string, options: { dir?: string; log?: (line: string) => void } = {}): Promise<string[]> {
  const migrations = readMigrations(options.dir ?? MIGRATIONS_DIRS.postgresql);
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_jsjb_migrations" (
      "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_jsjb_migrations"`);
    const { unknown, missing, changed } = compareMigrations(migrations, rows);
    if (unknown.length) throw new Error(`数据库已应用本版本没有的迁移（${unknown.join("、")}），请使用更新版本的程序`);
    if (changed.length) throw new Error(`迁移 ${changed.join("、")} 应用后被修改过；请恢复原文件，改动请写成新的迁移`);

    const done: string[] = [];
    for (const migration of migrations) {
      if (!missing.includes(migration.name)) continue;
      log(`applying ${migration.name}`);
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_jsjb_migrations" ("name", "checksum") VALUES ($1, $2)`, [migration.name, migration.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`迁移 ${migration.name} 失败：${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
