// Whether the database can take writes, as this process has seen it. Fed by the write path
// (lib/sqlite.ts, lib/db.ts) and the WAL checkpointer (lib/checkpointer.ts); read by
// /api/health, /api/ready and the write path itself.
import { Unavailable } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { STORAGE_FAULT_MESSAGES, storageErrorCode, storageFaultOf, type StorageFault } from "@/lib/storage/faults";

/** A fault is logged once a minute however often it repeats (a full disk fails every write). */
const LOG_EVERY_MS = 60_000;

type Fault = { kind: Exclude<StorageFault, "busy">; code: string | null; since: Date; source: "write" | "checkpoint" };

const globalState = globalThis as unknown as { storageFault?: Fault | null; storageFaultLogged?: Map<string, number> };
const logged = (globalState.storageFaultLogged ??= new Map());

function logThrottled(key: string, context: Record<string, unknown>, message: string): void {
  const now = Date.now();
  if (now - (logged.get(key) ?? 0) < LOG_EVERY_MS) return;
  logged.set(key, now);
  logger.error(context, message);
}

/**
 * Records a failed write or checkpoint. Returns the 503 to answer when the failure is a storage
 * fault (busy, full, read-only, I/O), or null when it is something else (a bug, a constraint).
 */
export function storageUnavailable(error: unknown, source: Fault["source"] = "write"): Unavailable | null {
  const kind = storageFaultOf(error);
  if (!kind) return null;
  if (kind !== "busy") {
    const code = storageErrorCode(error);
    if (globalState.storageFault?.kind !== kind) globalState.storageFault = { kind, code, since: new Date(), source };
    logThrottled(`${source}:${kind}`, { fault: kind, code, source }, `database cannot be written (${kind}); answering 503 until it can`);
  }
  return new Unavailable(STORAGE_FAULT_MESSAGES[kind], kind === "busy" ? 2 : 30);
}

/** A write or checkpoint went through: the storage has recovered. */
export function storageRecovered(source: Fault["source"]): void {
  const fault = globalState.storageFault;
  if (!fault || fault.source !== source) return;
  globalState.storageFault = null;
  logger.info({ fault: fault.kind, since: fault.since.toISOString() }, "database writable again");
}

/**
 * A fault the checkpointer found (the database file turned read-only, an I/O error) means
 * commits would pile up in the WAL and never reach the database: refuse writes until a
 * checkpoint succeeds again, rather than acknowledge what the site may not keep.
 */
export function refuseWritesIfCheckpointFailing(): void {
  const fault = globalState.storageFault;
  if (fault?.source === "checkpoint") throw new Unavailable(STORAGE_FAULT_MESSAGES[fault.kind], 30);
}

export type StorageStatus = { writable: true } | { writable: false; fault: Fault["kind"]; code: string | null; since: string; message: string };

export function storageStatus(): StorageStatus {
  const fault = globalState.storageFault;
  if (!fault) return { writable: true };
  return { writable: false, fault: fault.kind, code: fault.code, since: fault.since.toISOString(), message: STORAGE_FAULT_MESSAGES[fault.kind] };
}
