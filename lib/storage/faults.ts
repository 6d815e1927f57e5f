// What a failed database call says about the storage under it. One classification for the raw
// connections (better-sqlite3 errors carry a SQLite `code`, node-postgres errors a SQLSTATE
// `code` beside their `severity`), Prisma's driver adapters (the driver's code sits in
// `meta.driverAdapterError.cause.originalCode`, or in `cause.originalCode` when the adapter error
// is thrown as it is) and plain file-system and socket errors (errno codes).

/**
 * busy: another writer holds the lock, or the server is short of a transient resource
 * (temporary; retried, then 503).
 * full: the disk (or the database's size limit) is full.
 * readonly: the file, its folder, the file system or the database server cannot be written.
 * io: the storage failed to read or write (a disk error, a vanished file), or the database
 * server went away.
 */
export type StorageFault = "busy" | "full" | "readonly" | "io";

/** What the user is told (503 message or page banner). Nothing was stored in every case. */
export const STORAGE_FAULT_MESSAGES: Record<StorageFault, string> = {
  busy: "系统繁忙，暂时无法保存，请稍后重试（本次提交未保存）",
  full: "服务器存储空间已满，暂时无法保存，请稍后重试并联系系统管理员（本次提交未保存）",
  readonly: "数据库当前为只读，暂时无法保存，请联系系统管理员（本次提交未保存）",
  io: "服务器存储故障，暂时无法保存，请稍后重试并联系系统管理员（本次提交未保存）",
};

/** A PostgreSQL SQLSTATE: five digits or capitals (e.g. 40P01). */
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * PostgreSQL's SQLSTATEs (Appendix A of its manual) that are about the storage, not the request.
 * Class 53 (insufficient resources) is "busy" except disk_full: out of memory (53200), too many
 * connections (53300) and a configuration limit such as lock slots (53400) pass once other
 * sessions finish, so "try again shortly" is the true answer — "storage full" would send the
 * administrator to the disks for nothing.
 */
const POSTGRES_FAULTS = new Map(
  Object.entries({
  "40001": "busy", // serialization_failure
  "40P01": "busy", // deadlock_detected
  "55P03": "busy", // lock_not_available (lock_timeout, NOWAIT)
  "53000": "busy", // insufficient_resources
  "53200": "busy", // out_of_memory
  "53300": "busy", // too_many_connections
  "53400": "busy", // configuration_limit_exceeded
  "53100": "full", // disk_full
  "25006": "readonly", // read_only_sql_transaction: a standby, or default_transaction_read_only
  "57P01": "io", // admin_shutdown
  "57P02": "io", // crash_shutdown
  "57P03": "io", // cannot_connect_now (starting up, recovering)
  "58000": "io", // system_error
  "58030": "io", // io_error
  XX001: "io", // data_corrupted
  XX002: "io", // index_corrupted
  } satisfies Record<string, StorageFault>),
);

/** Socket errors: the database server cannot be reached or dropped the connection. */
const SOCKET_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);

/** How @prisma/adapter-pg reports a socket error: a kind, no driver code. */
const ADAPTER_CONNECTION_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);

type Coded = {
  code?: unknown;
  severity?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
  cause?: unknown;
};

/**
 * The SQLite result code (e.g. SQLITE_BUSY_SNAPSHOT), PostgreSQL SQLSTATE (e.g. 40P01) or errno
 * (e.g. ENOSPC) behind an error.
 */
export function storageErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as Coded;
  const adapterCode = e.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof adapterCode === "string") return adapterCode;
  if (typeof e.originalCode === "string") return e.originalCode; // a driver adapter error's cause
  if (typeof e.code === "string") {
    if (e.code.startsWith("SQLITE_") || /^E[A-Z]+$/.test(e.code)) return e.code;
    // node-postgres' DatabaseError; the severity tells it from Prisma's own P2002-style codes.
    if (typeof e.severity === "string" && SQLSTATE.test(e.code)) return e.code;
  }
  if (e.cause && e.cause !== error) return storageErrorCode(e.cause);
  return null;
}

/** The kind @prisma/adapter-pg gave an error it found no driver code for (socket errors). */
function adapterKind(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as Coded;
  const kind = e.meta?.driverAdapterError?.cause?.kind ?? e.kind;
  if (typeof kind === "string") return kind;
  return e.cause && e.cause !== error ? adapterKind(e.cause) : null;
}

export function storageFaultOf(error: unknown): StorageFault | null {
  const code = storageErrorCode(error);
  if (!code) {
    const kind = adapterKind(error);
    return kind && ADAPTER_CONNECTION_KINDS.has(kind) ? "io" : null;
  }
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "EDQUOT") return "full";
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS" || code === "EACCES" || code === "EPERM") return "readonly";
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN") || code === "EIO" || SOCKET_ERRORS.has(code)) return "io";
  // Connection exceptions (class 08): the server is gone or refused the session.
  if (SQLSTATE.test(code) && code.startsWith("08")) return "io";
  return POSTGRES_FAULTS.get(code) ?? null;
}
