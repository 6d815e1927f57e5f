import "server-only";
import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { DB } from "@/lib/generated/kysely/types";
import { toBoolean, toDate } from "@/lib/sql/values";
import { rowsPerInsert, type TableCopy } from "./plan";
import { columnTypes } from "./target";

/** Rows read from the source per query: memory stays bounded whatever the site's size. */
export const PAGE_SIZE = 2000;
/** Rows per query of a table with binary columns (photos of a few hundred KB each: AttachmentContent). */
export const BINARY_PAGE_SIZE = 20;

type Row = Record<string, unknown>;

const refs = (columns: readonly string[]) => sql.join(columns.map((column) => sql.ref(column)));

/**
 * The rows of one source table in primary-key order, a page at a time (keyset paging: each page
 * starts after the last key of the one before, so no page costs more than the first).
 */
async function* sourcePages(
  source: Kysely<DB>,
  table: TableCopy,
  columns: readonly string[],
  options: { filter?: RawBuilder<unknown>; pageSize?: number } = {},
): AsyncGenerator<Row[]> {
  const { filter, pageSize = PAGE_SIZE } = options;
  const keys = refs(table.primaryKey);
  let after: unknown[] | null = null;
  for (;;) {
    const conditions: RawBuilder<unknown>[] = [...(filter ? [filter] : []), ...(after ? [sql`(${keys}) > (${sql.join(after)})`] : [])];
    const where: RawBuilder<unknown> = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
    const { rows } = await sql<Row>`SELECT ${refs(columns)} FROM ${sql.table(table.name)} ${where} ORDER BY ${keys} LIMIT ${pageSize}`.execute(source);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    const last: Row = rows.at(-1)!;
    after = table.primaryKey.map((column): unknown => last[column]);
  }
}

/** Converts one stored SQLite value for its PostgreSQL column (lib/sql/values.ts's convention). */
function converter(table: string, column: string, type: string | undefined): (value: unknown) => unknown {
  if (type === undefined) throw new Error(`目标库的表 ${table} 没有列 ${column}：两边的数据结构不一致`);
  if (type.startsWith("timestamp")) {
    return (value) => {
      if (value === null) return null;
      if (typeof value !== "number" && typeof value !== "bigint") throw new Error(`表 ${table} 列 ${column} 的日期值无法识别：${String(value)}`);
      return toDate(Number(value)); // sent as UTC by the pool (lib/sql/postgres.ts)
    };
  }
  if (type === "boolean") return (value) => (value === null ? null : toBoolean(value as number | boolean));
  return (value) => value;
}

async function insertRows(trx: Transaction<DB>, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  const values = rows.map((row) => sql`(${sql.join(row)})`);
  await sql`INSERT INTO ${sql.table(table)} (${refs(columns)}) VALUES ${sql.join(values)}`.execute(trx);
}

/**
 * Copies one table into the (empty) target table within the caller's transaction; the number
 * of rows. Columns that reference the table itself are filled in a second pass.
 */
export async function copyTable(source: Kysely<DB>, trx: Transaction<DB>, table: TableCopy): Promise<number> {
  const types = await columnTypes(trx, table.name);
  const convert = table.columns.map((column) => converter(table.name, column, types.get(column)));
  const deferred = new Set(table.selfReferences);
  const pageSize = table.columns.some((column) => types.get(column) === "bytea") ? BINARY_PAGE_SIZE : PAGE_SIZE;
  const perInsert = rowsPerInsert(table.columns.length, pageSize);
  let copied = 0;
  for await (const page of sourcePages(source, table, table.columns, { pageSize })) {
    const values = page.map((row) => table.columns.map((column, i) => (deferred.has(column) ? null : convert[i]!(row[column]))));
    for (let start = 0; start < values.length; start += perInsert) await insertRows(trx, table.name, table.columns, values.slice(start, start + perInsert));
    copied += page.length;
  }
  for (const column of table.selfReferences) {
    const columns = [...table.primaryKey, column];
    for await (const page of sourcePages(source, table, columns, { filter: sql`${sql.ref(column)} IS NOT NULL` })) {
      for (const row of page) {
        const key = sql.join(table.primaryKey.map((k) => sql`${sql.ref(k)} = ${row[k]}`), sql` AND `);
        await sql`UPDATE ${sql.table(table.name)} SET ${sql.ref(column)} = ${row[column]} WHERE ${key}`.execute(trx);
      }
    }
  }
  return copied;
}
