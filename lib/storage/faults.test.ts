import { describe, expect, it } from "vitest";
import { storageErrorCode, storageFaultOf } from "@/lib/storage/faults";

const sqliteError = (code: string) => Object.assign(new Error("x"), { code });
const prismaError = (originalCode: string) =>
  Object.assign(new Error("Invalid `tx.user.update()` invocation"), {
    code: "P1008",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode, kind: "SocketTimeout" } } },
  });
/** node-postgres' DatabaseError: the SQLSTATE in `code`, beside `severity`. */
const pgError = (code: string) => Object.assign(new Error("x"), { code, severity: "ERROR" });
/** The cause @prisma/adapter-pg gives a server error (as provoked against PostgreSQL 15). */
const pgAdapterCause = (code: string) => ({ originalCode: code, originalMessage: "x", kind: "postgres", code, severity: "ERROR", message: "x" });
/** Prisma wraps it in P2010 (raw queries) with the cause under meta.driverAdapterError… */
const prismaPgError = (code: string) =>
  Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: pgAdapterCause(code) } } });
/** …and model queries throw the adapter's error as it is. */
const adapterPgError = (code: string) => Object.assign(new Error("postgres"), { name: "DriverAdapterError", cause: pgAdapterCause(code) });

describe("storageFaultOf", () => {
  it.each([
    [sqliteError("SQLITE_BUSY"), "busy"],
    [sqliteError("SQLITE_BUSY_SNAPSHOT"), "busy"],
    [sqliteError("SQLITE_LOCKED"), "busy"],
    [prismaError("SQLITE_BUSY"), "busy"],
    [sqliteError("SQLITE_FULL"), "full"],
    [prismaError("SQLITE_FULL"), "full"],
    [sqliteError("ENOSPC"), "full"],
    [sqliteError("SQLITE_READONLY"), "readonly"],
    [sqliteError("SQLITE_READONLY_DBMOVED"), "readonly"],
    [sqliteError("EROFS"), "readonly"],
    [sqliteError("SQLITE_IOERR_WRITE"), "io"],
    [sqliteError("SQLITE_CANTOPEN"), "io"],
  ] as const)("%s → %s", (error, fault) => {
    expect(storageFaultOf(error)).toBe(fault);
  });

  it.each([
    ["40001", "busy"], // serialization_failure
    ["40P01", "busy"], // deadlock_detected
    ["55P03", "busy"], // lock_not_available
    ["53300", "busy"], // too_many_connections: passes when other sessions end
    ["53200", "busy"], // out_of_memory: not the disk
    ["53100", "full"], // disk_full
    ["25006", "readonly"], // read_only_sql_transaction (a standby)
    ["08000", "io"],
    ["08003", "io"],
    ["08006", "io"],
    ["57P01", "io"], // admin_shutdown
    ["57P02", "io"], // crash_shutdown
    ["58030", "io"], // io_error
  ] as const)("PostgreSQL %s → %s, from the driver and through Prisma's adapter", (code, fault) => {
    expect(storageFaultOf(pgError(code))).toBe(fault);
    expect(storageFaultOf(prismaPgError(code))).toBe(fault);
    expect(storageFaultOf(adapterPgError(code))).toBe(fault);
    expect(storageErrorCode(prismaPgError(code))).toBe(code);
  });

  it("treats a database server that cannot be reached as an I/O fault", () => {
    expect(storageFaultOf(Object.assign(new Error("connect"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 }))).toBe("io");
    const unreachable = Object.assign(new Error("x"), { code: "P1001", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable", host: "db", port: 5432 } } } });
    expect(storageFaultOf(unreachable)).toBe("io");
    expect(storageFaultOf(Object.assign(new Error("x"), { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } }))).toBe("io");
  });

  it("leaves other errors alone", () => {
    expect(storageFaultOf(new Error("boom"))).toBeNull();
    expect(storageFaultOf(sqliteError("SQLITE_CONSTRAINT_UNIQUE"))).toBeNull();
    expect(storageFaultOf(Object.assign(new Error("x"), { code: "P2002" }))).toBeNull();
    expect(storageFaultOf(pgError("23505"))).toBeNull(); // unique_violation: the request, not the storage
    expect(storageFaultOf(prismaPgError("42P01"))).toBeNull();
    expect(storageFaultOf(Object.assign(new Error("x"), { name: "DriverAdapterError", cause: { kind: "UniqueConstraintViolation", originalCode: "23505" } }))).toBeNull();
    expect(storageFaultOf(Object.assign(new Error("x"), { code: "constructor" }))).toBeNull();
    expect(storageFaultOf(null)).toBeNull();
  });

  it("reads the code through a cause chain", () => {
    expect(storageErrorCode(new Error("wrapped", { cause: sqliteError("SQLITE_FULL") }))).toBe("SQLITE_FULL");
    expect(storageErrorCode(new Error("wrapped", { cause: pgError("40P01") }))).toBe("40P01");
  });
});
