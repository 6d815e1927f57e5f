// /api/health and /api/ready on either engine (this file runs on both, vitest.config.ts): the
// engine, a database that answers, the data folder's free space; a storage fault makes the site
// degraded (not ready), an unreachable database an error — and both clear again.
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DB } from "@/lib/generated/kysely/types";
import { env } from "@/lib/env";
import { storageRecovered, storageUnavailable } from "@/lib/storage/health";

/** While set, the query builder is one whose server refuses every connection. */
const outage = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/sql", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/sql")>();
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  const unreachable = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: "postgresql://jsjb@127.0.0.1:1/none", max: 1 }) }) });
  return { ...real, sql: () => (outage.on ? unreachable : real.sql()) };
});

const { GET: health } = await import("@/app/api/health/route");
const { GET: ready } = await import("@/app/api/ready/route");

afterEach(() => {
  outage.on = false;
  storageRecovered("write");
  vi.restoreAllMocks();
});

describe("health and readiness", () => {
  it("report a healthy site: the engine, a reachable database and the data folder's free space", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", engine: env().databaseEngine, database: { reachable: true, writable: true } });
    expect(body.disk.freeBytes).toBeGreaterThan(0);
    expect((await ready()).status).toBe(200);
  });

  it("report a storage fault as degraded and not ready, until a write succeeds again", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true); // the fault is logged
    storageUnavailable(Object.assign(new Error("no space left on device"), { code: "ENOSPC" }));
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "degraded", engine: env().databaseEngine, database: { reachable: true, writable: false, fault: "full" } });
    expect((await ready()).status).toBe(503);
    storageRecovered("write");
    expect((await ready()).status).toBe(200);
  });

  it("answer 503 when the database does not answer", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    outage.on = true;
    const response = await health();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", engine: env().databaseEngine, database: { reachable: false } });
    expect((await ready()).status).toBe(503);
    outage.on = false;
    expect((await health()).status).toBe(200);
  });
});
