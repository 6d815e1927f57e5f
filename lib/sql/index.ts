// The typed query builder for the SQL Prisma cannot express (docs/postgresql.md): one Kysely
// instance per process, over the engine DATABASE_URL names, typed by lib/generated/kysely (from
// prisma/schema.prisma). On SQLite it shares the raw better-sqlite3 connection of lib/sqlite.ts.
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Dialect } from "kysely";
import pg from "pg";
import { env } from "@/lib/env";
import type { DB } from "@/lib/generated/kysely/types";
import { postgresPool } from "@/lib/sql/postgres";
import { AppSqliteDriver } from "@/lib/sql/sqlite-driver";
import { CONNECTION_PRAGMAS, rawSqlite, walCheckpointedInBackground } from "@/lib/sqlite";

export type Sql = Kysely<DB>;

function sqliteDialect(connection: Database.Database): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new AppSqliteDriver(connection),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db) => new SqliteIntrospector(db),
  };
}

/** The query builder over a better-sqlite3 connection someone else opened (and closes). */
export function createSqlite(connection: Database.Database): Sql {
  return new Kysely<DB>({ dialect: sqliteDialect(connection) });
}

const globalForSql = globalThis as unknown as {
  sql?: Sql;
  writer?: Sql;
  counters?: Sql;
  countersSqlite?: Database.Database;
  pool?: pg.Pool;
};

function postgres(): Sql {
  // Timestamps come back as Date (in UTC: lib/sql/postgres.ts), booleans as boolean. One pool for reads and writes.
  globalForSql.pool ??= postgresPool(env().databaseUrl, 10);
  return (globalForSql.sql ??= new Kysely<DB>({ dialect: new PostgresDialect({ pool: globalForSql.pool }) }));
}

/** The query builder of this process's database, for reads and single statements. */
export function sql(): Sql {
  if (env().databaseEngine === "postgresql") return postgres();
  // On SQLite: the raw connection of lib/sqlite.ts, shared with its synchronous hot paths.
  return (globalForSql.sql ??= createSqlite(rawSqlite()));
}

/**
 * The query builder that write transactions run on (lib/sql/write.ts). On SQLite a connection of
 * its own: a Kysely transaction keeps its connection across awaits, and the synchronous
 * transactions of lib/sqlite.ts must never find it open on theirs. The two take turns on SQLite's
 * write lock, each waiting asynchronously.
 */
export function writer(): Sql {
  if (env().databaseEngine === "postgresql") return postgres();
  return (globalForSql.writer ??= createSqlite(ownConnection()));
}

/** Another connection of this process to its SQLite file, with the app's settings, then `pragmas`. */
function ownConnection(pragmas: readonly string[] = []): Database.Database {
  const connection = new Database(env().databasePath);
  for (const pragma of [...CONNECTION_PRAGMAS, ...pragmas]) connection.pragma(pragma);
  if (walCheckpointedInBackground()) connection.pragma("wal_autocheckpoint = 0");
  return connection;
}

/**
 * The SQLite connection of the shared counters (rate limits, the sign-in throttle: lib/counters),
 * its own, with synchronous = NORMAL: a count is one short statement per request, committed
 * without waiting for the disk (in WAL mode a power cut may lose the last counts, never corrupt
 * the file). A few lost counts only favour a citizen; a sync per submission would stop the event
 * loop for every user. Like every connection of the app it never waits for the lock inside SQLite
 * (busy_timeout = 0); its callers wait asynchronously.
 */
export function countersSqlite(): Database.Database {
  return (globalForSql.countersSqlite ??= ownConnection(["synchronous = NORMAL"]));
}

/** The query builder of the shared counters: on SQLite over countersSqlite(), on PostgreSQL the one pool. */
export function counters(): Sql {
  if (env().databaseEngine === "postgresql") return postgres();
  return (globalForSql.counters ??= createSqlite(countersSqlite()));
}

/** The process's PostgreSQL pool (the query builder's), for a library that takes a pool itself. */
export function postgresPoolOfApp(): pg.Pool {
  postgres();
  return globalForSql.pool!;
}

/**
 * A query builder on a database other than this process's — a template being seeded, a site being
 * moved (`postgresql://…` or `file:<path>`). Its own connection or pool; `close()` it after. On
 * SQLite the connection gets the app's settings, then `sqlitePragmas` (e.g. a bulk load's).
 */
export function openSql(url: string, sqlitePragmas: readonly string[] = []): { sql: Sql; close: () => Promise<void> } {
  if (!url.startsWith("file:")) {
    const pool = postgresPool(url, 4);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { sql: db, close: () => db.destroy() };
  }
  const connection = new Database(url.replace(/^file:/, ""));
  for (const pragma of [...CONNECTION_PRAGMAS, ...sqlitePragmas]) connection.pragma(pragma);
  const db = createSqlite(connection);
  return { sql: db, close: async () => void connection.close() };
}

/** Ends the query builder's connections (the CLI, before exiting: pg's idle pool would keep it alive for 10 s). */
export async function closeSql(): Promise<void> {
  const pool = globalForSql.pool;
  globalForSql.sql = globalForSql.writer = globalForSql.counters = globalForSql.pool = undefined;
  await pool?.end();
}
