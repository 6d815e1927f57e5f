import Database from "better-sqlite3";
import { env } from "@/lib/env";

// A second, raw connection to the same SQLite file for the hot paths (ticket intake, API-token
// look-up). Through Prisma's JS engine each statement costs about 2 ms; through better-sqlite3
// directly, tens of microseconds (STACK.md: a Prisma create reaches 0.6–0.75× of a bare route,
// a direct insert about 1×). Everything else goes through Prisma (lib/db.ts).
//
// Locking: better-sqlite3 is synchronous, so a transaction here never spans an await and never
// holds the write lock while Prisma's connection waits. The other way round, Prisma's
// interactive transactions do span awaits; so this connection does not wait in SQLite's busy
// handler (that would block the event loop that Prisma needs to finish) — it gives up at once
// and retries after a short asynchronous pause.

type Raw = Database.Database;

/**
 * Checkpoint the WAL every 10,000 pages (about 40 MB) instead of SQLite's 1,000: index pages
 * that many intakes touch are copied back once, not ten times (measured ~15% per intake).
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;
const globalForSqlite = globalThis as unknown as { rawSqlite?: Raw };

export function rawSqlite(): Raw {
  if (!globalForSqlite.rawSqlite) {
    const db = new Database(env().databasePath);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    // The metric triggers' statement journal: in memory, not a temp file per write (~80 µs each).
    db.pragma("temp_store = MEMORY");
    db.pragma("busy_timeout = 0");
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    globalForSqlite.rawSqlite = db;
  }
  return globalForSqlite.rawSqlite;
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
}

const MAX_WAIT_MS = 10_000;

type Job = { fn: (db: Raw) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
let queue: Job[] = [];
let flushScheduled = false;

/**
 * Runs `fn` atomically and resolves once it is committed. Steps that arrive in the same turn of
 * the event loop share one BEGIN IMMEDIATE … COMMIT (group commit: the index pages they all
 * touch are written to the WAL once), each inside its own SAVEPOINT, so a step that throws
 * rolls back alone and rejects alone. Steps still run one after another, in arrival order: a
 * version check inside a step sees every earlier step of the batch.
 */
export function writeTransaction<T>(fn: (db: Raw) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(() => void flush(Date.now()));
    }
  });
}

async function flush(started: number): Promise<void> {
  const jobs = queue;
  queue = [];
  flushScheduled = false;
  const db = rawSqlite();
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  const batch = db.transaction(() => {
    outcomes.length = 0;
    for (const job of jobs) {
      try {
        outcomes.push({ ok: true, value: db.transaction(job.fn)(db) }); // nested → SAVEPOINT
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
  });
  for (let attempt = 0; ; attempt++) {
    try {
      batch.immediate();
      break;
    } catch (error) {
      if (!isBusy(error) || Date.now() - started > MAX_WAIT_MS) {
        for (const job of jobs) job.reject(error);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(1 + attempt, 25)));
    }
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}

type SqlValue = string | number | bigint | Buffer | null;

/** Prisma's storage conventions here: dates as epoch milliseconds, booleans as 0/1. */
function toSql(value: unknown): SqlValue {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === undefined) return null;
  return value as SqlValue;
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

/** INSERT of one row, with Prisma's storage conventions. */
export function insertRow(db: Raw, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
  prepared(db, sql).run(...columns.map((c) => toSql(row[c])));
}
