import "server-only";
import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import type { DB } from "@/lib/generated/kysely/types";
import { postgresPool } from "@/lib/sql/postgres";

// The PostgreSQL database a site moves to. Its own pool (not lib/sql's, which follows
// DATABASE_URL), reading and writing TIMESTAMP(3) columns as the UTC they hold (lib/sql/postgres.ts).

export type Target = { db: Kysely<DB>; close: () => Promise<void> };

export function targetUrlOf(url: string): string {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`--to 应为 PostgreSQL 地址，例如 postgresql://用户:密码@主机:5432/库名（收到「${url.replace(/:[^:@/]*@/, ":***@")}」）`);
  return url;
}

export function openTarget(url: string): Target {
  const pool = postgresPool(targetUrlOf(url), 2);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}

/** The app's tables (of `names`) that exist on the target and hold at least one row. */
export async function nonEmptyTables(db: Kysely<DB> | Transaction<DB>, names: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db);
  const present = new Set(rows.map((row) => row.name));
  const filled: string[] = [];
  for (const name of names.filter((n) => present.has(n))) {
    const { rows: any } = await sql<{ one: number }>`SELECT 1 AS one FROM ${sql.table(name)} LIMIT 1`.execute(db);
    if (any.length) filled.push(name);
  }
  return filled;
}

/** Column name → PostgreSQL type name (information_schema's data_type) of one target table. */
export async function columnTypes(db: Kysely<DB> | Transaction<DB>, table: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ name: string; type: string }>`
    SELECT column_name AS name, data_type AS type FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table}`.execute(db);
  return new Map(rows.map((row) => [row.name, row.type]));
}
