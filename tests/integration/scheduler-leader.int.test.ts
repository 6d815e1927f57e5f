// Issue 11: exactly one scheduler across the nodes of a site. Two schedulers on one PostgreSQL
// database stand for two nodes: one leads (an advisory lock on a connection of its own) and runs
// the rounds; when its connection goes the other leads within one interval; a node that shuts down
// gives the lock up at once; no OVERDUE event is written twice. On SQLite the one process leads.
// Runs on both engines (vitest.config.ts); the PostgreSQL cases on the file's own database.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { actorOf } from "../support/actors";
import type { Actor } from "@/lib/auth/actor";
import { submitTicket } from "@/lib/dal/intake";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { scheduledJobs, siteLeadership, startBackgroundJobs } from "@/lib/jobs";
import { SCHEDULER_LOCK_KEY, type Leadership } from "@/lib/scheduler/leadership";
import { schedulerRole, startScheduler, type Scheduler } from "@/lib/scheduler/scheduler";

/** SCHEDULER_INTERVAL_SECONDS' smallest setting. */
const INTERVAL_MS = 1_000;
/** Room for a loaded machine: the event loop and the database answer a little late. */
const SLACK_MS = 1_000;
const HOUR = 60 * 60 * 1000;

let dispatcher: Actor;
beforeAll(async () => {
  dispatcher = await actorOf("dispatcher");
});

type Node = { scheduler: Scheduler; rounds: () => number; kill: () => Promise<void> };
const nodes: Node[] = [];

/**
 * One node's scheduler with the site's jobs and leadership, counting the deadline rounds it runs.
 * kill() stands for its process dying: no more rounds, and the server ends its sessions.
 */
function startNode(): Node {
  let rounds = 0;
  let dead = false;
  const real = siteLeadership(INTERVAL_MS);
  const leadership: Leadership = {
    leading: () => !dead && real.leading(),
    confirm: async () => !dead && (await real.confirm()),
    release: () => real.release(),
  };
  const jobs = scheduledJobs(INTERVAL_MS).map((job) => ({
    ...job,
    run: async () => {
      if (job.name === "overdue") rounds++;
      await job.run();
    },
  }));
  const node = {
    scheduler: startScheduler({ jobs, leadership, intervalMs: INTERVAL_MS }),
    rounds: () => rounds,
    async kill() {
      dead = true;
      const pid = await leaderBackend();
      // Waits until the backend has exited: its lock is free then, as when a node's socket closes.
      if (pid !== null) await db.$queryRawUnsafe(`SELECT pg_terminate_backend(${pid}, 5000)`);
    },
  };
  nodes.push(node);
  return node;
}

afterEach(async () => {
  await Promise.all(nodes.splice(0).map((node) => node.scheduler.stop()));
  vi.restoreAllMocks();
});

async function until(condition: () => boolean | Promise<boolean>, withinMs = 10_000): Promise<number> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - start;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A dispatched ticket whose sign, contact and close deadlines all lie two hours in the past. */
async function lateTicket() {
  const ticket = await submitTicket(
    dispatcher,
    { type: "HELP", category: "SERVICE", title: "换证预约失败", content: "12123 上驾驶证换证预约一直失败，请帮忙看看。", phone: "13711113333" },
    { channel: "PHONE_12123" },
  );
  const past = new Date(Date.now() - 2 * HOUR);
  await db.ticket.update({ where: { id: ticket.id }, data: { signDueAt: past, contactDueAt: past, dueAt: past, escalationAt: past } });
  return ticket;
}

async function overdueDeadlines(ticketId: string): Promise<string[]> {
  const events = await db.ticketEvent.findMany({ where: { ticketId, type: "OVERDUE" } });
  return events.map((event) => (JSON.parse(event.payload) as { deadline: string }).deadline).sort();
}

/** The backend holding the scheduler's lock in this database, as a DBA would find it; null when free. */
async function leaderBackend(): Promise<number | null> {
  const key = BigInt(SCHEDULER_LOCK_KEY);
  const rows = await db.$queryRawUnsafe<{ pid: number }[]>(
    `SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database AND d.datname = current_database()
     WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ${key >> 32n} AND l.objid = ${key & 0xffffffffn} AND l.objsubid = 1`,
  );
  return rows[0]?.pid ?? null;
}

const leaderOf = (a: Node, b: Node) => (a.scheduler.role() === "leader" ? a : b.scheduler.role() === "leader" ? b : null);

describe("the scheduler's leader", () => {
  it("stops and gives its leadership up on SIGTERM, before the server has drained", async () => {
    // Stands for scripts/serve.mjs's own listener, which drains and exits.
    const serverListener = () => {};
    process.on("SIGTERM", serverListener);
    vi.spyOn(process.stderr, "write").mockImplementation(() => true); // leadership changes are logged
    try {
      startBackgroundJobs();
      await until(() => schedulerRole() === "leader");
      if (env().databaseEngine === "postgresql") expect(await leaderBackend()).not.toBeNull();
      process.emit("SIGTERM", "SIGTERM");
      await until(() => schedulerRole() === "off");
      if (env().databaseEngine === "postgresql") await until(async () => (await leaderBackend()) === null, INTERVAL_MS);
    } finally {
      process.off("SIGTERM", serverListener);
    }
  });

  if (env().databaseEngine === "sqlite") {
    it("on SQLite is the one process, at once", async () => {
      const node = startNode();
      await until(() => node.rounds() > 0, INTERVAL_MS);
      expect(node.scheduler.role()).toBe("leader");
    });
    return;
  }

  it("is one node of two; when its connection goes the other leads within one interval, and no OVERDUE event is written twice", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const first = await lateTicket();
    const a = startNode();
    const b = startNode();
    await until(() => leaderOf(a, b) !== null);
    await sleep(3 * INTERVAL_MS);
    const leader = leaderOf(a, b)!;
    const standby = leader === a ? b : a;
    expect(standby.scheduler.role()).toBe("standby");
    expect(leader.rounds()).toBeGreaterThanOrEqual(2); // the first at once, then one per interval
    expect(standby.rounds()).toBe(0);
    expect(await overdueDeadlines(first.id)).toEqual(["CLOSE", "CONTACT", "SIGN"]);

    // The leader dies: its connection goes with it.
    await leader.kill();
    const takeover = await until(() => standby.scheduler.role() === "leader", INTERVAL_MS + SLACK_MS);
    expect(takeover).toBeLessThanOrEqual(INTERVAL_MS + SLACK_MS);
    await until(() => standby.rounds() > 0, SLACK_MS);
    expect(await leaderBackend()).not.toBeNull();
    const leaderRounds = leader.rounds();

    const second = await lateTicket();
    await until(async () => (await overdueDeadlines(second.id)).length === 3, INTERVAL_MS + SLACK_MS);
    await sleep(2 * INTERVAL_MS);
    expect(leader.rounds()).toBe(leaderRounds);
    expect(await overdueDeadlines(first.id)).toEqual(["CLOSE", "CONTACT", "SIGN"]);
    expect(await overdueDeadlines(second.id)).toEqual(["CLOSE", "CONTACT", "SIGN"]);
  }, 30_000);

  it("that stops gives the lock up at once: the other node leads at its next round", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const a = startNode();
    await until(() => a.scheduler.role() === "leader");
    const b = startNode();
    await b.scheduler.tick();
    expect(b.scheduler.role()).toBe("standby");
    await a.scheduler.stop();
    expect(a.scheduler.role()).toBe("off");
    expect(await leaderBackend()).toBeNull();
    await b.scheduler.tick();
    expect(b.scheduler.role()).toBe("leader");
  });
});
