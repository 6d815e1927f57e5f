// Issue 9, items 2 and 7: a write that meets another writer's lock waits without stopping the
// event loop, and answers 503 with Retry-After and a Chinese message (never 500) when the lock
// outlasts the wait; every connection syncs each commit. (A full disk: disk-full.int.test.ts.)
// A rate-limit count (issue 11) waits the same way, and lets the request through if it must.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";

// Read by env() on first use: short enough that a held lock gives up within the test.
process.env.DB_LOCK_WAIT_MS = "1500";

const { POST } = await import("@/app/api/v1/tickets/route");
const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { limitSubmissionByIp } = await import("@/lib/rate-limit");
const { counters, countersSqlite } = await import("@/lib/sql");
const { rawSqlite } = await import("@/lib/sqlite");
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

describe("a rate-limit count that meets another writer's lock", () => {
  const pointsOf = async (address: string) =>
    (await counters().selectFrom("RateLimit").select("points").where("key", "=", `submit-ip:${address}`).executeTakeFirst())?.points;

  it("waits without blocking the event loop, then counts in the database", async () => {
    const release = holdWriteLock();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    setTimeout(release, 400);
    await limitSubmissionByIp("203.0.113.99");
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(await pointsOf("203.0.113.99")).toBe(1);
  });

  it("lets the request through, never a 500, when the lock outlasts the wait", async () => {
    const release = holdWriteLock();
    try {
      await expect(limitSubmissionByIp("203.0.113.98")).resolves.toBeUndefined();
    } finally {
      release();
    }
    expect(await pointsOf("203.0.113.98")).toBeUndefined(); // counted in this process's memory meanwhile
  });
});

describe("durability", () => {
  it("syncs every commit on both connections (synchronous = FULL)", async () => {
    expect(rawSqlite().pragma("synchronous", { simple: true })).toBe(2);
    const rows = await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    expect(Number(rows[0]?.synchronous)).toBe(2);
  });

  it("but the shared counters' own connection does not wait for the disk (synchronous = NORMAL)", () => {
    // A lost count after a power cut only favours a citizen; a sync per count would stop the loop.
    expect(countersSqlite().pragma("synchronous", { simple: true })).toBe(1);
  });
});
