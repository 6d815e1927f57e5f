// Issue 10: a PostgreSQL server that cannot take a write answers 503 like SQLite does. The errors
// are provoked on a throw-away server, so the test covers what node-postgres and Prisma's PG
// adapter really report (the SQLSTATE in `originalCode`), not a guess of it.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query, startPostgres, type Postgres } from "../support/postgres";
import { createPostgresClient } from "@/lib/db-postgres";
import { errorResponse } from "@/lib/http";
import { migratePostgres } from "@/lib/migrations/postgres";
import { STORAGE_FAULT_MESSAGES, storageErrorCode, storageFaultOf } from "@/lib/storage/faults";
import { storageRecovered } from "@/lib/storage/health";

let server: Postgres;
beforeAll(async () => {
  server = await startPostgres();
}, 30_000);
afterAll(() => {
  storageRecovered("write");
  server?.stop();
});

/** A migrated database whose new sessions get `setting` (ALTER DATABASE … SET). */
async function database(name: string, setting: string): Promise<string> {
  const url = await server.createDatabase(name);
  await migratePostgres(url);
  await query(server.url, `ALTER DATABASE "${name}" SET ${setting}`);
  return url;
}

const caught = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("the call succeeded"), (error: unknown) => error);
const unit = { code: "X1", name: "测试大队", kind: "DETACHMENT" } as const;

describe("storage faults on PostgreSQL", () => {
  it("answers a write to a read-only server (a standby) with 503", async () => {
    const url = await database("readonly", "default_transaction_read_only = on");
    const client = createPostgresClient(url);
    try {
      const fromModel = await caught(client.unit.create({ data: unit }));
      const fromRaw = await caught(client.$executeRawUnsafe(`DELETE FROM "Unit"`));
      for (const error of [fromModel, fromRaw]) {
        expect(storageErrorCode(error)).toBe("25006");
        const response = errorResponse(error);
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({ error: STORAGE_FAULT_MESSAGES.readonly });
      }
    } finally {
      await client.$disconnect();
    }
    expect(storageFaultOf(await caught(query(url, `DELETE FROM "Unit"`)))).toBe("readonly");
  });

  it("answers a write that cannot get its lock in time with 503 and a short Retry-After", async () => {
    const url = await database("locked", "lock_timeout = '200ms'");
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    const client = createPostgresClient(url);
    try {
      await holder.query(`BEGIN; LOCK TABLE "Unit" IN ACCESS EXCLUSIVE MODE`);
      const error = await caught(client.unit.create({ data: unit }));
      expect(storageErrorCode(error)).toBe("55P03");
      const response = errorResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("2");
      expect(await response.json()).toEqual({ error: STORAGE_FAULT_MESSAGES.busy });
    } finally {
      await holder.end();
      await client.$disconnect();
    }
  });
});
