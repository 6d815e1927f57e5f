// The one Prisma client. SQLite through better-sqlite3 (STACK.md), WAL mode.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { WAL_AUTOCHECKPOINT_PAGES } from "@/lib/sqlite";

/** Sets the connection pragmas the app relies on every time the adapter opens the file. */
class SqliteAdapter extends PrismaBetterSQLite3 {
  async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(
      `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA temp_store = MEMORY;
       PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES};`,
    );
    return adapter;
  }
}

function createClient() {
  const adapter = new SqliteAdapter({ url: env().databaseUrl }, { timestampFormat: "unixepoch-ms" });
  // Secrets are never read by accident: ask for them explicitly with `omit: { passwordHash: false }`.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process, also across Next.js dev-server reloads.
const globalForDb = globalThis as unknown as { db?: Db };
export const db: Db = globalForDb.db ?? createClient();
if (env().NODE_ENV !== "production") globalForDb.db = db;
