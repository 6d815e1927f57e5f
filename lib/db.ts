// The one Prisma client: SQLite through better-sqlite3 (STACK.md, WAL mode) by default, PostgreSQL
// through node-postgres when DATABASE_URL says so (docs/postgresql.md).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { createPostgresClient } from "@/lib/db-postgres";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { CONNECTION_PRAGMAS } from "@/lib/sqlite";
import { retryWhileBusy } from "@/lib/storage/retry";

/** Prisma's calls are heavier than the raw path's: a longer pause between tries of a busy one. */
const pause = (tries: number) => Math.min(5 * (1 + tries), 50);

/**
 * Sets the connection pragmas the app relies on every time the adapter opens the file, and waits
 * for another writer's lock without stopping the event loop:
 * - single statements outside transactions (reads) are retried while the database is locked;
 * - every transaction — Prisma wraps each create/update in one — takes the write lock when it
 *   begins (BEGIN IMMEDIATE), retried asynchronously before anything is read. Waiting later, at
 *   its first write, could not work: once the other writer commits, the transaction's snapshot
 *   is stale and SQLite refuses it for good.
 * Both wait asynchronously (lib/storage/retry.ts); after lockWaitMs() the statement fails with
 * SQLITE_BUSY as before, answered with a 503 (lib/http.ts, lib/actions/result.ts).
 */
class SqliteAdapter extends PrismaBetterSQLite3 {
  async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS.map((pragma) => `PRAGMA ${pragma};`).join("\n"));
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.queryRaw = (query) => retryWhileBusy(() => queryRaw(query), pause);
    adapter.executeRaw = (query) => retryWhileBusy(() => executeRaw(query), pause);

    // The adapter's own connection (a public field of the adapter's query object).
    const sqlite = (adapter as unknown as { client: Database.Database }).client;
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel); // BEGIN; holds the adapter's mutex
      try {
        await retryWhileBusy(() => {
          if (sqlite.inTransaction) sqlite.prepare("ROLLBACK").run();
          sqlite.prepare("BEGIN IMMEDIATE").run();
        });
      } catch {
        // Still locked: begin as Prisma did; its first write fails with SQLITE_BUSY → 503.
        sqlite.prepare("BEGIN").run();
      }
      return transaction;
    };
    return adapter;
  }
}

// Secrets are never read by accident: ask for them explicitly with `omit: { passwordHash: false }`.
const OMIT = { user: { passwordHash: true } } as const;

function createSqliteClient() {
  const adapter = new SqliteAdapter({ url: env().databaseUrl }, { timestampFormat: "unixepoch-ms" });
  return new PrismaClient({ adapter, omit: OMIT });
}

export type Db = ReturnType<typeof createSqliteClient>;

function createClient(): Db {
  const { databaseEngine, databaseUrl } = env();
  return databaseEngine === "postgresql" ? createPostgresClient(databaseUrl) : createSqliteClient();
}
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process, also across Next.js dev-server reloads.
const globalForDb = globalThis as unknown as { db?: Db };
export const db: Db = globalForDb.db ?? createClient();
if (env().NODE_ENV !== "production") globalForDb.db = db;

/**
 * An interactive Prisma transaction, for the rare writes that do not take the raw write path
 * (administration, registration). Use this rather than `db.$transaction`: it runs the whole
 * callback again while the database is locked by another writer.
 */
export function transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }): Promise<T> {
  return retryWhileBusy(() => db.$transaction(fn, options), pause);
}
