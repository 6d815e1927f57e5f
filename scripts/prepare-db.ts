// Applies pending migrations and seeds an empty database (demo tickets unless DEMO_DATA=0).
// Used by `npm start` and the benchmarks; runnable alone: `tsx scripts/prepare-db.ts`.
import "@/lib/load-dotenv";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensurePrivateDataDir, env, PRIVATE_FILE_MODE, restrictNewFilesToOwner } from "@/lib/env";
import { assertWritableStorage } from "@/lib/storage/preflight";

function log(message: string) {
  process.stderr.write(`[db] ${message}\n`);
}

/** SQLite: Prisma's own `migrate deploy`, through the driver adapter (prisma.config.ts). */
function migrateSqlite(): void {
  const config = env();
  log(`database ${config.databasePath}`);
  assertWritableStorage(config.databasePath);
  const migrate = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: config.databaseUrl },
  });
  if (migrate.status !== 0) throw new Error("prisma migrate deploy failed");
}

/** PostgreSQL: the app's own runner (Prisma 6.19 cannot deploy there; STACK.md). */
async function migratePostgresDatabase(): Promise<void> {
  const url = new URL(env().databaseUrl);
  log(`database postgresql://${url.host}${url.pathname}`);
  const { migratePostgres } = await import("@/lib/migrations/postgres");
  const applied = await migratePostgres(env().databaseUrl, { log });
  log(applied.length ? `applied ${applied.length} migration(s)` : "migrations are current");
}

/**
 * Applies pending migrations to the database DATABASE_URL names, on either engine, then moves
 * photo files of older versions into it (`npm start`, `npm run cli -- migrate`).
 */
export async function migrateDatabase(): Promise<void> {
  if (env().databaseEngine === "postgresql") await migratePostgresDatabase();
  else migrateSqlite();
  // Photos of older versions were files on this node's disk; now every node reads them from the database.
  const { moveLegacyPhotos } = await import("@/lib/uploads/legacy-photos");
  await moveLegacyPhotos(log);
}

/** Whether this call seeded demo tickets (a first start of the demo). */
export async function prepareDatabase(): Promise<{ seededDemo: boolean }> {
  const config = env();
  ensurePrivateDataDir(); // the SQLite database, logs, backups; legacy photos waiting to be moved in
  await migrateDatabase();

  const { db } = await import("@/lib/db");
  const { databaseIsEmpty, seedDatabase } = await import("@/prisma/seed");
  let seededDemo = false;
  if (await databaseIsEmpty(db)) {
    const demoData = config.DEMO_DATA === "1";
    seededDemo = demoData;
    log(`seeding the demo organisation${demoData ? " and demo tickets" : ""}`);
    await seedDatabase(db, { demoData, databaseUrl: config.databaseUrl });
  }
  const { closeSql } = await import("@/lib/sql");
  await Promise.all([db.$disconnect(), closeSql()]);
  if (config.databaseEngine !== "sqlite") return { seededDemo };
  // Owner-only whatever the umask was (and for a database an older version left world-readable);
  // SQLite gives a new -wal/-shm the database file's mode.
  for (const file of [config.databasePath, `${config.databasePath}-wal`, `${config.databasePath}-shm`]) {
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
  }
  return { seededDemo };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  restrictNewFilesToOwner();
  prepareDatabase().catch((error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
