import "server-only";
import { statfsSync } from "node:fs";
import { sql as kyselySql } from "kysely";
import { schemaStatus } from "@/lib/dal/schema";
import type { SchemaVerdict } from "@/lib/domain/migrations";
import { env, type DatabaseEngine } from "@/lib/env";
import { logger } from "@/lib/logger";
import { schedulerRole, type SchedulerRole } from "@/lib/scheduler/scheduler";
import { sql } from "@/lib/sql";
import { storageStatus, type StorageStatus } from "@/lib/storage/health";

/**
 * Every answer names the engine and this node's part in the scheduler (which node leads);
 * `schema` says whether the database's migrations are this code's; `disk` is the data folder's
 * (on SQLite where the database lives).
 */
export type Health = { engine: DatabaseEngine; scheduler: SchedulerRole } & (
  | { status: "ok"; database: { reachable: true; writable: true }; schema: { current: true }; disk?: { freeBytes: number } }
  | {
      status: "degraded";
      database: { reachable: true; writable: boolean; problem?: string; fault?: string; since?: string };
      schema: SchemaVerdict;
      disk?: { freeBytes: number };
    }
  | { status: "error"; database: { reachable: false } }
);

/**
 * Less free space than this in the data folder of a SQLite site: the next burst of writes will
 * fail — the WAL grows to its 16 MiB size limit (lib/sqlite.ts) there. A PostgreSQL node keeps
 * nothing there (photos and the session secret are rows), so its local disk does not make it
 * unready; the database server's disk is the DBA's to watch (docs/deploy.md).
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

/** The storage's side: a fault seen by the write path or the checkpointer, or a nearly full data folder. */
function databaseState(): { database: Extract<Health, { status: "degraded" }>["database"]; disk?: { freeBytes: number } } {
  const storage: StorageStatus = storageStatus();
  const freeBytes = freeDiskBytes();
  const disk = freeBytes === null ? {} : { disk: { freeBytes } };
  if (!storage.writable) {
    return { database: { reachable: true, writable: false, problem: storage.message, fault: storage.fault, since: storage.since }, ...disk };
  }
  if (freeBytes !== null && freeBytes < LOW_DISK_BYTES && env().databaseEngine === "sqlite") {
    return { database: { reachable: true, writable: true, problem: "服务器存储空间即将用尽，请尽快清理或扩容" }, ...disk };
  }
  return { database: { reachable: true, writable: true }, ...disk };
}

/**
 * What /api/health and /api/ready report: the database answers, can be written (no storage
 * fault seen by the write path or the checkpointer since the last success), holds this code's
 * schema, and the data folder has room.
 */
export async function siteHealth(): Promise<Health> {
  const engine = env().databaseEngine;
  const scheduler = schedulerRole();
  if (!(await databaseIsReachable())) return { engine, scheduler, status: "error", database: { reachable: false } };
  let schema: SchemaVerdict;
  try {
    schema = await schemaStatus();
  } catch (err) {
    logger.error({ err }, "health check: cannot read the applied migrations");
    return { engine, scheduler, status: "error", database: { reachable: false } };
  }
  const { database, disk } = databaseState();
  if (database.problem || !schema.current) return { engine, scheduler, status: "degraded", database, schema, ...(disk && { disk }) };
  return { engine, scheduler, status: "ok", database: { reachable: true, writable: true }, schema, ...(disk && { disk }) };
}
