// The typed query builder for the SQL Prisma cannot express (docs/postgresql.md): one Kysely
// instance per process, over the engine DATABASE_URL names, typed by lib/generated/kysely (from
// prisma/schema.prisma). On SQLite it shares the raw better-sqlite3 connection of lib/sqlite.ts.
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Dialect } from "kysely";
import pg from "pg";
import { env } from "@/lib/env";
import type { DB } from "@/lib/generated/kysely/types";
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

function createSqlite(connection: Database.Database): Sql {
  return new Kysely<DB>({ dialect: sqliteDialect(connection) });
}

const globalForSql = globalThis as unknown as { sql?: Sql; writer?: Sql; pool?: pg.Pool };

function postgres(): Sql {
  // pg returns timestamps as Date and booleans as boolean already. One pool for reads and writes.
  globalForSql.pool ??= new pg.Pool({ connectionString: env().databaseUrl, max: 10 });
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
  if (!globalForSql.writer) {
    const connection = new Database(env().databasePath);
    for (const pragma of CONNECTION_PRAGMAS) connection.pragma(pragma);
    if (walCheckpointedInBackground()) connection.pragma("wal_autocheckpoint = 0");
    globalForSql.writer = createSqlite(connection);
  }
  return globalForSql.writer;
}

/**
 * A query builder on a database other than this process's — a template being seeded, a site being
 * moved (`postgresql://…` or `file:<path>`). Its own connection or pool; `close()` it after. On
 * SQLite the connection gets the app's settings, then `sqlitePragmas` (e.g. a bulk load's).
 */
export function openSql(url: string, sqlitePragmas: readonly string[] = []): { sql: Sql; close: () => Promise<void> } {
  if (!url.startsWith("file:")) {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
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
  globalForSql.sql = globalForSql.writer = globalForSql.pool = undefined;
  await pool?.end();
}
