// Issue 9, items 2, 6 and 7: a database that cannot take a write answers 503 with Retry-After
// and a Chinese message (never 500), health reports it, the fault is logged once a minute, and
// every connection syncs each commit.
import Database from "better-sqlite3";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Read by env() on first use: short enough that a held lock gives up within the test.
process.env.DB_LOCK_WAIT_MS = "1500";

const { POST } = await import("@/app/api/v1/tickets/route");
const { GET: health } = await import("@/app/api/health/route");
const { GET: ready } = await import("@/app/api/ready/route");
const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { rawSqlite } = await import("@/lib/sqlite");
const { writer } = await import("@/lib/sql");
const { sql: kysely } = await import("kysely");
const { ticketPostAs } = await import("../support/tickets");

const post = () => ticketPostAs("dispatcher");

/** Another process's writer (the CLI importing), holding the write lock. */
function holdWriteLock(): () => void {
  const other = new Database(env().databasePath);
  other.prepare("BEGIN IMMEDIATE").run();
  return () => {
    other.prepare("ROLLBACK").run();
    other.close();
  };
}

beforeAll(async () => {
  await db.ticket.count(); // open Prisma's connection before any lock is taken
});

/** The file may grow to `pages` pages on every connection that writes (raw and query builder). */
async function limitPages(pages: number): Promise<void> {
  rawSqlite().pragma(`max_page_count = ${pages}`);
  await kysely.raw(`PRAGMA max_page_count = ${pages}`).execute(writer());
}

afterEach(async () => {
  await limitPages(4294967294);
  vi.restoreAllMocks();
});

describe("a write that meets another writer's lock", () => {
  it("waits without blocking the event loop and is stored once the lock is released", async () => {
    const request = await post();
    const release = holdWriteLock();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    setTimeout(release, 400);
    const response = await POST(request);
    clearInterval(timer);
    expect(response.status).toBe(201);
    // The loop kept turning while the write waited (SQLite's busy handler would have frozen it
    // until the lock was gone; a shared, loaded machine still turns it a few times in 400 ms).
    expect(ticks).toBeGreaterThanOrEqual(3);
  });

  it("answers 503 with Retry-After and a Chinese message when the lock outlasts the wait, storing nothing", async () => {
    const request = await post();
    const before = await db.ticket.count();
    const release = holdWriteLock();
    try {
      const response = await POST(request);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await response.json()).error).toContain("请稍后重试");
    } finally {
      release();
    }
    expect(await db.ticket.count()).toBe(before);
  });

  it("retries a Prisma write asynchronously while the lock is held", async () => {
    const release = holdWriteLock();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    setTimeout(release, 400);
    const updated = await db.user.updateMany({ where: { username: "manager" }, data: { failedLogins: 0 } });
    clearInterval(timer);
    expect(updated.count).toBe(1);
    expect(ticks).toBeGreaterThanOrEqual(3); // a blocked loop would turn not once until the lock is gone
  });
});

describe("a full disk", () => {
  it("answers 503 saying the storage is full, reports degraded health, logs once, and recovers", async () => {
    const errors = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    // SQLite answers SQLITE_FULL exactly as on a full disk once the file may not grow.
    await limitPages(rawSqlite().pragma("page_count", { simple: true }) as number);
    const before = await db.ticket.count();

    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await POST(await post()));
    for (const response of answers) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBeTruthy();
      expect((await response.json()).error).toContain("存储空间已满");
    }
    expect(await db.ticket.count()).toBe(before);
    const faultLines = errors.mock.calls.map(([line]) => String(line)).filter((line) => line.includes("database cannot be written"));
    expect(faultLines).toHaveLength(1);

    const degraded = await (await health()).json();
    expect(degraded).toMatchObject({ status: "degraded", database: { writable: false, fault: "full" } });
    expect((await ready()).status).toBe(503);

    await limitPages(4294967294);
    expect((await POST(await post())).status).toBe(201);
    expect(await (await health()).json()).toEqual({ status: "ok" });
    expect((await ready()).status).toBe(200);
  });
});

describe("durability", () => {
  it("syncs every commit on both connections (synchronous = FULL)", async () => {
    expect(rawSqlite().pragma("synchronous", { simple: true })).toBe(2);
    const rows = await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    expect(Number(rows[0]?.synchronous)).toBe(2);
  });
});
