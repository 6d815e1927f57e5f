// The engines a benchmark runs on: BENCH_ENGINES=sqlite,postgresql (the default: both, so one
// run prints them side by side), or one of them. PostgreSQL is a throw-away server of Debian's
// package (tests/support/postgres.ts) run durably — fsync and synchronous commit on, as a site
// runs it — to compare fairly with SQLite's synchronous = FULL.
import type { DatabaseEngine } from "@/lib/env";
import { startPostgres } from "@/tests/support/postgres";

export const ENGINES: DatabaseEngine[] = (process.env.BENCH_ENGINES ?? "sqlite,postgresql").split(",").map((name) => {
  const engine = name.trim();
  if (engine !== "sqlite" && engine !== "postgresql") throw new Error(`BENCH_ENGINES: "${engine}" is neither sqlite nor postgresql`);
  return engine;
});

export const ENGINE_LABEL: Record<DatabaseEngine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL 15" };

/**
 * Runs `work` with the DATABASE_URL of a fresh empty database on `engine` (SQLite: a file in
 * `dataDir`), and stops the PostgreSQL server it started afterwards.
 */
export async function withDatabase<T>(engine: DatabaseEngine, dataDir: string, work: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (engine === "sqlite") return work(`file:${dataDir}/app.db`);
  const server = await startPostgres({ durable: true, sharedBuffers: "1GB" });
  try {
    return await work(await server.createDatabase("jsjb_bench"));
  } finally {
    server.stop();
  }
}
