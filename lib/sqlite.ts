import { statSync } from "node:fs";
import Database from "better-sqlite3";
import { env } from "@/lib/env";
import { refuseWritesIfCheckpointFailing, storageRecovered, storageUnavailable } from "@/lib/storage/health";
import { retryWhileBusy } from "@/lib/storage/retry";

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
 *   (writeTransaction here, the retrying client in lib/db.ts).
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

type Job = { fn: (db: Raw) => unknown; alone: boolean; resolve: (value: unknown) => void; reject: (error: unknown) => void };
let queue: Job[] = [];
let flushScheduled = false;
let flushing: Promise<void> = Promise.resolve();

/**
 * Runs `fn` atomically and resolves once it is committed. Steps that arrive in the same turn of
 * the event loop share one BEGIN IMMEDIATE … COMMIT (group commit: the index pages they all
 * touch are written to the WAL once), each inside its own SAVEPOINT, so a step that throws
 * rolls back alone and rejects alone. Steps still run one after another, in arrival order: a
 * version check inside a step sees every earlier step of the batch.
 *
 * `alone` runs a large step (an import) in a transaction of its own, without a SAVEPOINT:
 * inside one, every statement of the metric triggers keeps a statement journal, which made a
 * 20,000-row import 20 times slower (measured).
 *
 * When the lock is held elsewhere (the CLI importing, a checkpoint) the batch waits
 * asynchronously and retries — never in SQLite's busy handler, which would stop the event loop.
 * A storage fault rejects with `Unavailable` (503), the lock still held after lockWaitMs()
 * (lib/storage/retry.ts) too.
 */
export function writeTransaction<T>(fn: (db: Raw) => T, options: { alone?: boolean } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ fn, alone: options.alone ?? false, resolve: resolve as (value: unknown) => void, reject });
    if (!flushScheduled) {
      flushScheduled = true;
      // Batches commit in order: the next one starts after the previous has settled.
      setImmediate(() => void (flushing = flushing.then(flush, flush)));
    }
  });
}

async function flush(): Promise<void> {
  const jobs = queue;
  queue = [];
  flushScheduled = false;
  let group: Job[] = [];
  for (const job of jobs) {
    if (!job.alone) {
      group.push(job);
      continue;
    }
    if (group.length) await commit(group, true);
    group = [];
    await commit([job], false);
  }
  if (group.length) await commit(group, true);
}

/** Commits the jobs in one transaction, each in a savepoint when `savepoints`; settles each job. */
async function commit(jobs: Job[], savepoints: boolean): Promise<void> {
  const db = rawSqlite();
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  const batch = db.transaction(() => {
    outcomes.length = 0;
    for (const job of jobs) {
      if (!savepoints) {
        outcomes.push({ ok: true, value: job.fn(db) }); // a throw rolls the whole transaction back
        continue;
      }
      try {
        outcomes.push({ ok: true, value: db.transaction(job.fn)(db) }); // nested → SAVEPOINT
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
  });
  await walBackPressure();
  try {
    await retryWhileBusy(() => {
      refuseWritesIfCheckpointFailing();
      batch.immediate();
    });
    storageRecovered("write");
  } catch (error) {
    const failure = storageUnavailable(error) ?? error;
    for (const job of jobs) job.reject(failure);
    return;
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(storageUnavailable(outcome.error) ?? outcome.error);
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
