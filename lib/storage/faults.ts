// What a failed database call says about the storage under it. One classification for the raw
// connection (better-sqlite3 errors carry `code`), Prisma's driver adapter (the SQLite code sits
// in `meta.driverAdapterError.cause.originalCode`) and plain file-system errors (errno codes).

/**
 * busy: another writer holds the lock (temporary; retried, then 503).
 * full: the disk (or the database's size limit) is full.
 * readonly: the file, its folder or the file system cannot be written.
 * io: the storage failed to read or write (a disk error, a vanished file).
 */
export type StorageFault = "busy" | "full" | "readonly" | "io";

/** What the user is told (503 message or page banner). Nothing was stored in every case. */
export const STORAGE_FAULT_MESSAGES: Record<StorageFault, string> = {
  busy: "系统繁忙，暂时无法保存，请稍后重试（本次提交未保存）",
  full: "服务器存储空间已满，暂时无法保存，请稍后重试并联系系统管理员（本次提交未保存）",
  readonly: "数据库当前为只读，暂时无法保存，请联系系统管理员（本次提交未保存）",
  io: "服务器存储故障，暂时无法保存，请稍后重试并联系系统管理员（本次提交未保存）",
};

/** The SQLite result code (e.g. SQLITE_BUSY_SNAPSHOT) or errno (e.g. ENOSPC) behind an error. */
export function storageErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as { code?: unknown; originalCode?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }; cause?: unknown };
  const adapterCode = e.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof adapterCode === "string") return adapterCode;
  if (typeof e.originalCode === "string") return e.originalCode; // a driver adapter error's cause
  if (typeof e.code === "string" && (e.code.startsWith("SQLITE_") || /^E[A-Z]+$/.test(e.code))) return e.code;
  if (e.cause && e.cause !== error) return storageErrorCode(e.cause);
  return null;
}

export function storageFaultOf(error: unknown): StorageFault | null {
  const code = storageErrorCode(error);
  if (!code) return null;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "EDQUOT") return "full";
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS" || code === "EACCES" || code === "EPERM") return "readonly";
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN") || code === "EIO") return "io";
  return null;
}
