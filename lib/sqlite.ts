import { statSync } from "node:fs";
import Database from "better-sqlite3";
import { env } from "@/lib/env";

// SQLite's connections besides Prisma's: the settings every connection of the app runs with, the
// raw better-sqlite3 connection that the query builder reads through (lib/sql) and the SQLite-only
// reads still use directly (docs/postgresql.md), its statement cache, and the WAL's back-pressure.
// Through Prisma's JS engine each statement costs about 2 ms; through better-sqlite3 directly,
// tens of microseconds (STACK.md). Writes go through lib/sql/write.ts on either engine.

export type RawDb = Database.Database;
type Raw = RawDb;

/**
 * Checkpoint the WAL every 10,000 pages (about 40 MB) instead of SQLite's 1,000: index pages
 * that many intakes touch are copied back once, not ten times (measured ~15% per intake). In
 * the server the checkpointer thread does it instead (lib/checkpointer.ts).
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** After a checkpoint has reset the WAL, its file is cut back to this size (it never shrank). */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Every connection of the app, raw or Prisma's, runs with these.
 * - synchronous = FULL: the WAL is synced at every commit, so a 201 survives a power cut (with
 *   NORMAL, SQLite documents that the last commits may roll back). Group commit shares that sync
 *   among the steps of one event-loop turn; bench:intake reports the cost.
 * - busy_timeout = 0: never wait for a lock inside SQLite — better-sqlite3 is synchronous, so that
 *   wait would stop the event loop for every user. Writers retry asynchronously instead
 *   (lib/sql/write.ts, the retrying client in lib/db.ts; lib/storage/retry.ts).
 * - temp_store = MEMORY: the metric triggers' statement journal in memory, not a temp file per
 *   write (~80 µs each).
 */
export const CONNECTION_PRAGMAS = [
  "journal_mode = WAL",
  "synchronous = FULL",
  "foreign_keys = ON",
  "temp_store = MEMORY",
  "busy_timeout = 0",
  `wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`,
  `journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`,
];

const globalForSqlite = globalThis as unknown as { rawSqlite?: Raw; walBackPressure?: boolean };

/**
 * Past this size writers pause (asynchronously) until the checkpointer has emptied the WAL:
 * under sustained writes their back-to-back transactions would otherwise keep it from ever
 * finding the moment it needs. A long reader (a backup) can pin the WAL for longer than a
 * writer should wait, so after WAL_PAUSE_MAX_MS the write goes ahead regardless.
 */
const WAL_PAUSE_BYTES = 2 * WAL_SIZE_LIMIT_BYTES;
const WAL_PAUSE_MAX_MS = 2_000;

/** Called by the checkpointer thread's owner: without that thread, nobody would empty the WAL. */
export function enableWalBackPressure(): void {
  globalForSqlite.walBackPressure = true;
}

/** Whether a checkpointer thread copies the WAL back (then no connection should do it itself). */
export function walCheckpointedInBackground(): boolean {
  return globalForSqlite.walBackPressure === true;
}

function walFileBytes(): number {
  try {
    return statSync(`${env().databasePath}-wal`).size;
  } catch {
    return 0;
  }
}

export async function walBackPressure(): Promise<void> {
  if (!globalForSqlite.walBackPressure) return;
  const started = Date.now();
  while (walFileBytes() > WAL_PAUSE_BYTES && Date.now() - started < WAL_PAUSE_MAX_MS) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function rawSqlite(): Raw {
  if (!globalForSqlite.rawSqlite) {
    const db = new Database(env().databasePath);
    for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
    globalForSqlite.rawSqlite = db;
  }
  return globalForSqlite.rawSqlite;
}

const statements = new WeakMap<Raw, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per connection and SQL text. */
export function prepared(db: Raw, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}
