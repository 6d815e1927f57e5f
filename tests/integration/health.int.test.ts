// /api/health and /api/ready on either engine (this file runs on both, vitest.config.ts): the
// engine, a database that answers and holds this code's schema, the data folder's free space; a
// storage fault or a schema other than the code's makes the site degraded (not ready), an
// unreachable database an error — and they clear again.
import { randomUUID } from "node:crypto";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SCHEMA_CHECK_EVERY_MS } from "@/lib/dal/schema";
import { db } from "@/lib/db";
import type { DB } from "@/lib/generated/kysely/types";
import { env } from "@/lib/env";
import { MIGRATIONS_DIRS, readMigrations } from "@/lib/migrations/files";
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
  vi.useRealTimers();
});

describe("health and readiness", () => {
  it("report a healthy site: the engine, a reachable database and the data folder's free space", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", engine: env().databaseEngine, scheduler: "off", database: { reachable: true, writable: true }, schema: { current: true } });
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
    expect(await response.json()).toEqual({ status: "error", engine: env().databaseEngine, scheduler: "off", database: { reachable: false } });
    expect((await ready()).status).toBe(503);
    outage.on = false;
    expect((await health()).status).toBe(200);
  });
});

/**
 * The engine's record of applied migrations, tampered with as a deployment gone wrong would: a
 * migration the code ships missing (the database is older), or one it does not know (newer).
 */
const migrationRecords = {
  // SQLite: Prisma counts a rolled-back row as not applied.
  hide: (name: string) =>
    env().databaseEngine === "postgresql"
      ? db.$executeRawUnsafe(`DELETE FROM "_jsjb_migrations" WHERE "name" = $1`, name)
      : db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = started_at WHERE migration_name = ?`, name),
  restore: ({ name, checksum }: { name: string; checksum: string }) =>
    env().databaseEngine === "postgresql"
      ? db.$executeRawUnsafe(`INSERT INTO "_jsjb_migrations" ("name", "checksum") VALUES ($1, $2)`, name, checksum)
      : db.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ?`, name),
  addUnknown: (name: string) =>
    env().databaseEngine === "postgresql"
      ? db.$executeRawUnsafe(`INSERT INTO "_jsjb_migrations" ("name", "checksum") VALUES ($1, 'x')`, name)
      : db.$executeRawUnsafe(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, 'x', ?, 0, 0, 1)`,
          randomUUID(),
          name,
        ),
  removeUnknown: (name: string) =>
    env().databaseEngine === "postgresql"
      ? db.$executeRawUnsafe(`DELETE FROM "_jsjb_migrations" WHERE "name" = $1`, name)
      : db.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = ?`, name),
};

describe("readiness knows the schema", () => {
  it("answers 503 with the reason while the database lacks a migration of the code or has one the code does not know", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const later = () => vi.setSystemTime(Date.now() + SCHEMA_CHECK_EVERY_MS);
    const newest = readMigrations(MIGRATIONS_DIRS[env().databaseEngine]).at(-1)!;
    const future = "29991231000000_from_a_newer_version";
    later();
    expect((await ready()).status).toBe(200);

    await migrationRecords.hide(newest.name);
    try {
      // Re-read at most every SCHEMA_CHECK_EVERY_MS: the probe's answer is cached until then.
      expect((await ready()).status).toBe(200);
      later();
      const response = await ready();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toMatchObject({ status: "degraded", database: { reachable: true, writable: true }, schema: { current: false, reason: "database-older-than-code", missing: [newest.name], unknown: [] } });
      expect(body.schema.problem).toContain(`缺少迁移：${newest.name}`);
    } finally {
      await migrationRecords.restore(newest);
    }

    await migrationRecords.addUnknown(future);
    try {
      later();
      const response = await ready();
      expect(response.status).toBe(503);
      expect((await response.json()).schema).toMatchObject({ current: false, reason: "code-older-than-database", unknown: [future], missing: [] });
      // Alive all the same: liveness says degraded with the reason, and a restart would not help.
      const alive = await health();
      expect(alive.status).toBe(200);
      expect((await alive.json()).schema.problem).toContain("请将本节点升级到新版本");
    } finally {
      await migrationRecords.removeUnknown(future);
    }

    later();
    expect((await ready()).status).toBe(200);
  });
});
