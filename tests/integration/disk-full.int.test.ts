// Issue 9, item 6: a full disk. The test's database is moved onto a small tmpfs of its own and the
// rest of that file system is filled, so the next commit cannot grow the WAL (ENOSPC →
// SQLITE_FULL, as on a real full disk). Writes answer 503 saying so, health and readiness report
// it, the fault is logged once however often it repeats, and everything recovers with free space.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const mount = mkdtempSync(path.join(tmpdir(), "jsjb-full-"));
const source = process.env.DATABASE_URL!.replace(/^file:/, "");
execFileSync("mount", ["-t", "tmpfs", "-o", "size=200m", "tmpfs", mount]);
copyFileSync(source, path.join(mount, "app.db"));
// Read by env() on first use.
process.env.DATA_DIR = mount;
process.env.DATABASE_URL = `file:${path.join(mount, "app.db")}`;

const { POST } = await import("@/app/api/v1/tickets/route");
const { GET: health } = await import("@/app/api/health/route");
const { GET: ready } = await import("@/app/api/ready/route");
const { db } = await import("@/lib/db");
const { ticketPostAs } = await import("../support/tickets");

const filler = path.join(mount, "filler");

/** Fills the file system to the last byte. */
function fillDisk(): void {
  const { bavail, bsize } = statfsSync(mount);
  try {
    writeFileSync(filler, Buffer.alloc(bavail * bsize));
  } catch {
    // ENOSPC on the last block is the point
  }
}

afterAll(async () => {
  await db.$disconnect();
  rmSync(filler, { force: true });
  execFileSync("umount", ["-l", mount]);
  rmSync(mount, { recursive: true, force: true });
});

describe("a full disk", () => {
  it("answers 503 saying the storage is full, reports degraded health, logs once, and recovers", async () => {
    // Every connection open and the WAL in use before the disk fills, as on a serving site.
    expect((await POST(await ticketPostAs("dispatcher"))).status).toBe(201);
    const before = await db.ticket.count();
    const requests = await Promise.all([1, 2, 3].map(() => ticketPostAs("dispatcher"))); // issuing a token writes too
    const errors = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    fillDisk();

    const answers = [];
    for (const request of requests) answers.push(await POST(request));
    for (const response of answers) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBeTruthy();
      expect((await response.json()).error).toContain("存储空间已满");
    }
    const faultLines = errors.mock.calls.map(([line]) => String(line)).filter((line) => line.includes("database cannot be written"));
    expect(faultLines).toHaveLength(1);
    expect(await db.ticket.count()).toBe(before);

    expect(await (await health()).json()).toMatchObject({ status: "degraded", database: { writable: false, fault: "full" } });
    expect((await ready()).status).toBe(503);

    rmSync(filler);
    vi.restoreAllMocks();
    expect((await POST(await ticketPostAs("dispatcher"))).status).toBe(201);
    expect(await (await health()).json()).toMatchObject({ status: "ok", engine: "sqlite", database: { reachable: true, writable: true } });
    expect((await ready()).status).toBe(200);
    expect(await db.ticket.count()).toBe(before + 1);
  });
});

