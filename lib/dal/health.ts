import "server-only";
import { statfsSync } from "node:fs";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { WAL_SIZE_LIMIT_BYTES } from "@/lib/sqlite";
import { storageStatus, type StorageStatus } from "@/lib/storage/health";

export type Health =
  | { status: "ok" }
  | { status: "degraded"; database: { reachable: boolean; writable: boolean; problem: string; fault?: string; since?: string }; disk?: { freeBytes: number } }
  | { status: "error"; database: { reachable: false } };

/** Less free space than one WAL's worth: the next burst of writes will fail. */
const LOW_DISK_BYTES = WAL_SIZE_LIMIT_BYTES;

async function databaseIsReachable(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch (err) {
    logger.error({ err }, "health check: database unreachable");
    return false;
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
 * fault seen by the write path or the checkpointer since the last success), and the disk under
 * it has room.
 */
export async function siteHealth(): Promise<Health> {
  if (!(await databaseIsReachable())) return { status: "error", database: { reachable: false } };
  const storage: StorageStatus = storageStatus();
  const freeBytes = freeDiskBytes();
  if (!storage.writable) {
    return {
      status: "degraded",
      database: { reachable: true, writable: false, problem: storage.message, fault: storage.fault, since: storage.since },
      ...(freeBytes === null ? {} : { disk: { freeBytes } }),
    };
  }
  if (freeBytes !== null && freeBytes < LOW_DISK_BYTES) {
    return { status: "degraded", database: { reachable: true, writable: true, problem: "服务器存储空间即将用尽，请尽快清理或扩容" }, disk: { freeBytes } };
  }
  return { status: "ok" };
}
