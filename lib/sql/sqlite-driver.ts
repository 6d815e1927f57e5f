// Kysely's driver for the app's SQLite connections. Kysely ships one; this differs in three ways
// that matter on the write path: transactions begin IMMEDIATE (the write lock is taken up front,
// so a step never finds its snapshot stale halfway — the same reason as in lib/sqlite.ts),
// statements are prepared once per connection (lib/sqlite.ts `prepared`), not on every call, and
// parameters are stored as Prisma stores them: SQLite has no date or boolean type, so `Date`
// becomes epoch milliseconds and `boolean` 0/1 (the one place that converts on the way in; values
// read back go through lib/sql/values.ts).
import type Database from "better-sqlite3";
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from "kysely";
import { prepared } from "@/lib/sqlite";

function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** A compiled query's parameters as SQLite stores them (for running a compiled query elsewhere, e.g. EXPLAIN). */
export function sqliteParameters(parameters: readonly unknown[]): unknown[] {
  return parameters.map(sqliteValue);
}

class Connection implements DatabaseConnection {
  constructor(private readonly db: Database.Database) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = prepared(this.db, query.sql);
    const parameters = sqliteParameters(query.parameters);
    if (statement.reader) return { rows: statement.all(...parameters) as R[] };
    const { changes } = statement.run(...parameters);
    return { numAffectedRows: BigInt(changes), rows: [] };
  }

  // Kysely requires the method; nothing here streams.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming is not supported on this connection");
  }
}

/** One connection, one user at a time (a transaction keeps it across awaits). */
class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return acquired;
  }
}

export class AppSqliteDriver implements Driver {
  readonly #connection: Connection;
  readonly #mutex = new Mutex();
  #release: (() => void) | null = null;

  constructor(db: Database.Database) {
    this.#connection = new Connection(db);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.lock();
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("BEGIN IMMEDIATE"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("COMMIT"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("ROLLBACK"));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`SAVEPOINT "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`ROLLBACK TO SAVEPOINT "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`RELEASE SAVEPOINT "${name}"`));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = null;
    release?.();
  }

  async destroy(): Promise<void> {}
}
