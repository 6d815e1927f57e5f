import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import { compareMigrations } from "@/lib/domain/migrations";
import type { DB } from "@/lib/generated/kysely/types";
import { appliedMigrations, MIGRATIONS_DIRS, readMigrations } from "@/lib/migrations/files";
import { createSqlite } from "@/lib/sql";
import type { TableShape } from "./plan";

// The SQLite site being moved, read through the app's own SQLite driver for Kysely (dates come
// back as epoch ms, booleans as 0/1: lib/sql/values.ts converts them).

export type Source = {
  db: Kysely<DB>;
  path: string;
  close: () => Promise<void>;
};

/** `file:./data/app.db` → an absolute path (as DATABASE_URL is read, lib/env.ts). */
export function sqlitePathOf(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`--from 应为 SQLite 数据库地址，例如 file:./data/app.db（收到「${url}」）`);
  return path.resolve(process.cwd(), url.slice("file:".length));
}

/**
 * Opens the source read-only, inside one read transaction: the copy and the verification see the
 * same snapshot even if something still writes to the file (the service should be stopped — its
 * writes after the snapshot would not reach the target).
 */
export function openSource(url: string): Source {
  const file = sqlitePathOf(url);
  if (!existsSync(file)) throw new Error(`找不到 SQLite 数据库文件 ${file}`);
  let connection: Database.Database;
  try {
    connection = new Database(file, { readonly: true, fileMustExist: true });
    connection.pragma("busy_timeout = 10000");
    connection.exec("BEGIN");
    connection.prepare("SELECT COUNT(*) FROM sqlite_master").get(); // takes the snapshot now
  } catch (error) {
    throw new Error(`无法读取 SQLite 数据库 ${file}：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const db = createSqlite(connection);
  return {
    db,
    path: file,
    async close() {
      await db.destroy();
      if (connection.inTransaction) connection.exec("ROLLBACK");
      connection.close();
    },
  };
}

/**
 * Refuses a source whose schema is not exactly this code's: the copy takes the table shapes from
 * the source, and the PostgreSQL migrations build this code's schema.
 */
export async function checkSourceMigrations(source: Kysely<DB>, dir = MIGRATIONS_DIRS.sqlite): Promise<void> {
  const applied = await appliedMigrations(source, "sqlite");
  if (!applied) throw new Error("源数据库没有迁移记录（_prisma_migrations），不是本系统的数据库或尚未初始化");
  const { unknown, missing, changed } = compareMigrations(readMigrations(dir), applied);
  if (unknown.length) throw new Error(`源数据库已应用本版本没有的迁移（${unknown.join("、")}），请使用更新版本的程序`);
  if (missing.length) {
    throw new Error(`源数据库缺少迁移 ${missing.join("、")}：请先用本版本启动一次原站点（或 DATABASE_URL=file:… npx prisma migrate deploy）再迁移`);
  }
  if (changed.length) throw new Error(`源数据库应用的迁移 ${changed.join("、")} 与本版本的文件不同，无法确定其结构`);
}

/** The source's tables other than SQLite's and Prisma's own, with their keys. */
export async function describeSource(source: Kysely<DB>): Promise<TableShape[]> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_prisma_migrations'
    ORDER BY name`.execute(source);
  const shapes: TableShape[] = [];
  for (const { name } of tables) {
    const { rows: columns } = await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${name}) ORDER BY cid`.execute(source);
    const { rows: keys } = await sql<{ from: string; table: string }>`SELECT "from", "table" FROM pragma_foreign_key_list(${name})`.execute(source);
    shapes.push({
      name,
      columns: columns.map((column) => column.name),
      primaryKey: columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name),
      references: keys.map((key) => ({ column: key.from, table: key.table })),
    });
  }
  return shapes;
}

/**
 * Photos the source still keeps as files under DATA_DIR/uploads (an Attachment without content):
 * versions before photos moved into the database wrote them there, and starting the site once
 * with this version moves them in (lib/uploads/legacy-photos.ts).
 */
export async function photosNotInDatabase(source: Kysely<DB>): Promise<number> {
  const row = await source
    .selectFrom("Attachment as a")
    .leftJoin("AttachmentContent as c", "c.attachmentId", "a.id")
    .where("c.attachmentId", "is", null)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Rows the source's foreign keys do not find (SQLite enforces them only on connections that ask). */
export async function danglingReferences(source: Kysely<DB>): Promise<{ table: string; count: number }[]> {
  const { rows } = await sql<{ table: string; count: number }>`
    SELECT "table", COUNT(*) AS count FROM pragma_foreign_key_check GROUP BY "table" ORDER BY "table"`.execute(source);
  return rows;
}
