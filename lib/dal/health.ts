import "server-only";
import { statfsSync } from "node:fs";
import { sql as kyselySql } from "kysely";
import { env, type DatabaseEngine } from "@/lib/env";
import { logger } from "@/lib/logger";
import { sql } from "@/lib/sql";
import { storageStatus, type StorageStatus } from "@/lib/storage/health";

/** Every answer names the engine; `disk` is the data folder's (SQLite's database, photos, backups). */
export type Health = { engine: DatabaseEngine } & (
  | { status: "ok"; database: { reachable: true; writable: true }; disk?: { freeBytes: number } }
  | { status: "degraded"; database: { reachable: boolean; writable: boolean; problem: string; fault?: string; since?: string }; disk?: { freeBytes: number } }
  | { status: "error"; database: { reachable: false } }
);

/**
 * Less free space than this in the data folder: the next burst of writes will fail — on SQLite
 * the WAL grows to its 16 MiB size limit (lib/sqlite.ts) there; on either engine photos (up to
 * 5 MiB each) and backups are written there.
 */
const LOW_DISK_BYTES = 16 * 1024 * 1024;

/** A server that does not answer (a dropped network, not a refused one) must not hold the probe up. */
const REACHABLE_WITHIN_MS = 5_000;

async function databaseIsReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${REACHABLE_WITHIN_MS} ms`)), REACHABLE_WITHIN_MS);
  });
  try {
    await Promise.race([kyselySql`SELECT 1`.execute(sql()), timeout]);
    return true;
  } catch (err) {
    logger.error({ err }, "health check: database unreachable");
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function freeDiskBytes(): number | null {
  try {
    const stats = statfsSync(env().dataDir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/**
 * What /api/health and /api/ready report: the database answers, can be written (no storage
 * fault seen by the write path or the checkpointer since the last success), and the data folder
 * has room.
 */
export async function siteHealth(): Promise<Health> {
  const engine = env().databaseEngine;
  if (!(await databaseIsReachable())) return { engine, status: "error", database: { reachable: false } };
  const storage: StorageStatus = storageStatus();
  const freeBytes = freeDiskBytes();
  const disk = freeBytes === null ? {} : { disk: { freeBytes } };
  if (!storage.writable) {
    return {
      engine,
      status: "degraded",
      database: { reachable: true, writable: false, problem: storage.message, fault: storage.fault, since: storage.since },
      ...disk,
    };
  }
  if (freeBytes !== null && freeBytes < LOW_DISK_BYTES) {
    return { engine, status: "degraded", database: { reachable: true, writable: true, problem: "服务器存储空间即将用尽，请尽快清理或扩容" }, ...disk };
  }
  return { engine, status: "ok", database: { reachable: true, writable: true }, ...disk };
}
