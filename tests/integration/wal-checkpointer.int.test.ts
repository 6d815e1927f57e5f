// Issue 9, items 4 and 6: the WAL stays bounded under sustained writes and is emptied when they
// stop; a database file that can no longer be written (here: made immutable while serving) is
// detected by the checkpointer, answered 503 and reported by health until it recovers.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/tickets/route";
import { GET as health } from "@/app/api/health/route";
import { startCheckpointer } from "@/lib/checkpointer";
import { env } from "@/lib/env";
import { write } from "@/lib/sql/write";
import { ticketPostAs } from "../support/tickets";

const MB = 1024 * 1024;
const walBytes = () => {
  try {
    return statSync(`${env().databasePath}-wal`).size;
  } catch {
    return 0;
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let checkpointer: { stop: () => Promise<void> };
beforeAll(() => {
  checkpointer = startCheckpointer();
});
afterAll(async () => {
  await checkpointer.stop();
});

describe("the WAL under sustained writes", () => {
  it("never passes 64 MB and is truncated once the writes stop", { timeout: 60_000 }, async () => {
    const payload = "x".repeat(16 * 1024);
    let peak = 0;
    let written = 0;
    const until = Date.now() + 8_000;
    while (Date.now() < until) {
      // Twenty writers per turn of the event loop, as a busy intake has (group commit).
      await Promise.all(
        Array.from({ length: 20 }, () =>
          write((tx) =>
            tx.insertInto("AuditEntry").values({ id: randomUUID(), entity: "bench", entityId: "wal", action: "fill", after: payload, createdAt: new Date() }).execute(),
          ),
        ),
      );
      written += 20 * payload.length;
      peak = Math.max(peak, walBytes());
    }
    // Enough traffic that an unbounded WAL would have passed the limit several times over.
    expect(written).toBeGreaterThan(128 * MB);
    expect(peak).toBeLessThanOrEqual(64 * MB);

    let after = walBytes();
    for (let i = 0; i < 50 && after > 0; i++) {
      await sleep(100);
      after = walBytes();
    }
    expect(after).toBe(0);
  });
});

describe("a database file made read-only while serving", () => {
  it("answers 503 once the checkpointer finds it, reports degraded health, and recovers", { timeout: 30_000 }, async () => {
    const file = env().databasePath;
    const post = () => ticketPostAs("dispatcher");
    const request = await post();
    const later = await post();
    expect((await POST(await post())).status).toBe(201); // the write connection is open before the change
    execFileSync("chattr", ["+i", file]);
    try {
      // Commits reach the WAL (still writable) until the checkpointer finds the file immutable.
      expect((await POST(request)).status).toBe(201);
      let status = 201;
      let body: { error?: string } = {};
      for (let i = 0; i < 40 && status === 201; i++) {
        await sleep(100);
        const response = await POST(i === 0 ? later : await post());
        status = response.status;
        body = await response.json();
      }
      expect(status).toBe(503);
      expect(body.error).toContain("只读");
      expect(await (await health()).json()).toMatchObject({ status: "degraded", database: { writable: false, fault: "readonly" } });
    } finally {
      execFileSync("chattr", ["-i", file]);
    }
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i++) {
      await sleep(100);
      recovered = (await (await health()).json()).status === "ok";
    }
    expect(recovered).toBe(true);
    expect((await POST(await post())).status).toBe(201);
  });
});
