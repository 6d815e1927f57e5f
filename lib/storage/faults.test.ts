import { describe, expect, it } from "vitest";
import { storageErrorCode, storageFaultOf } from "@/lib/storage/faults";

const sqliteError = (code: string) => Object.assign(new Error("x"), { code });
const prismaError = (originalCode: string) =>
  Object.assign(new Error("Invalid `tx.user.update()` invocation"), {
    code: "P1008",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode, kind: "SocketTimeout" } } },
  });

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

  it("leaves other errors alone", () => {
    expect(storageFaultOf(new Error("boom"))).toBeNull();
    expect(storageFaultOf(sqliteError("SQLITE_CONSTRAINT_UNIQUE"))).toBeNull();
    expect(storageFaultOf(Object.assign(new Error("x"), { code: "P2002" }))).toBeNull();
    expect(storageFaultOf(null)).toBeNull();
  });

  it("reads the code through a cause chain", () => {
    expect(storageErrorCode(new Error("wrapped", { cause: sqliteError("SQLITE_FULL") }))).toBe("SQLITE_FULL");
  });
});
