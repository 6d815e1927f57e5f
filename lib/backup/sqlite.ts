import "server-only";
import { chmodSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { SiteDatabase } from "./database";
import { replaceFile } from "./files";
import { PRIVATE_DIR, PRIVATE_FILE, type SqliteSite } from "./site";

/**
 * The database as of one instant, while the server keeps writing. VACUUM INTO reads inside one
 * read transaction — WAL readers never block writers nor wait for them — and writes a compact,
 * self-contained file. (The online backup API restarts whenever another connection writes and
 * never finished under load; a file copy tears the database and its WAL apart.)
 */
function snapshotDatabase(source: string, target: string): void {
  if (!existsSync(source)) throw new Error(`找不到数据库文件 ${source}`);
  const db = new Database(source, { fileMustExist: true });
  try {
    // Only reads (VACUUM INTO leaves its source alone). A separate process, the CLI: waiting
    // here blocks nobody else.
    db.pragma("busy_timeout = 10000");
    db.prepare("VACUUM INTO ?").run(target);
  } finally {
    db.close();
  }
  chmodSync(target, PRIVATE_FILE);
}

function latestMigration(databasePath: string): string | null {
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    const row = db.prepare(`SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL ORDER BY "migration_name" DESC LIMIT 1`).get() as
      | { name: string }
      | undefined;
    return row?.name ?? null;
  } catch {
    return null; // not created by prisma migrate
  } finally {
    db.close();
  }
}

/** Ticket count of a database file; 0 when it does not exist or holds no Ticket table yet. */
function ticketCount(databasePath: string): number {
  if (!existsSync(databasePath)) return 0;
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Ticket'`).get();
    return table ? (db.prepare(`SELECT count(*) AS n FROM "Ticket"`).get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

export function sqliteDatabase(site: SqliteSite): SiteDatabase {
  return {
    engine: "sqlite",
    snapshotNote: "正在复制数据库（VACUUM INTO，服务可继续使用）…",
    async snapshot(target) {
      snapshotDatabase(site.databasePath, target);
      return { tickets: ticketCount(target), migration: latestMigration(target) };
    },
    async ticketCount() {
      return ticketCount(site.databasePath);
    },
    async restore(source) {
      mkdirSync(path.dirname(site.databasePath), { recursive: true, mode: PRIVATE_DIR });
      // A WAL left from the old database would be replayed onto the restored one: remove it first.
      for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${site.databasePath}${suffix}`, { force: true });
      await replaceFile(source, site.databasePath);
    },
  };
}
