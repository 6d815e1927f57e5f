import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { submitTicket } from "@/lib/dal/intake";
import { deliverPendingNotifications } from "@/lib/dal/outbox";
import { db } from "@/lib/db";
import { OUTBOX } from "@/lib/domain/outbox";
import { env } from "@/lib/env";
import type { NotificationSender } from "@/lib/notify/sender";

const input = {
  type: "HELP",
  category: "SERVICE",
  title: "换证预约失败",
  content: "12123 上驾驶证换证预约一直失败，请帮忙看看。",
  phone: "13711112222",
};

/** A sender that records what it was asked to send for one ticket. */
function recording(ticketNo: string, fail?: Error): NotificationSender & { sends: string[] } {
  const sends: string[] = [];
  return {
    sends,
    send: async (m) => {
      if (m.ticketNo === ticketNo) sends.push(`${m.recipient}:${m.text}`);
      if (fail) throw fail;
    },
  };
}

const at = (base: Date, ms: number) => () => new Date(base.getTime() + ms);

/** Makes the database refuse to record SENT (as a lock held past the write's patience would); returns the undo. */
async function markingSentFails(): Promise<() => Promise<void>> {
  if (env().databaseEngine === "postgresql") {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION "test_mark_sent_fails"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'database is locked'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "test_mark_sent_fails" BEFORE UPDATE OF "status" ON "Notification" FOR EACH ROW WHEN (NEW."status" = 'SENT') EXECUTE FUNCTION "test_mark_sent_fails"()`,
    );
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER "test_mark_sent_fails" ON "Notification"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "test_mark_sent_fails"()`);
    };
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER "test_mark_sent_fails" BEFORE UPDATE OF "status" ON "Notification" WHEN NEW."status" = 'SENT' BEGIN SELECT RAISE(ABORT, 'database is locked'); END`,
  );
  return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER "test_mark_sent_fails"`));
}

let callers = 0;

/** A ticket from a caller of its own: the daily cap per phone (lib/dal/outbox.ts) is not what these tests are about. */
async function newTicket() {
  const phone = `1371111${String(2222 + callers++).padStart(4, "0")}`;
  return submitTicket(await actorOf("dispatcher"), { ...input, phone }, { channel: "PHONE_12123" });
}

describe("notification outbox", () => {
  it("queues a 受理 notice with the ticket and sends it once; a failing sender retries after the back-off", async () => {
    const ticket = await newTicket();
    const t0 = new Date();
    expect(await deliverPendingNotifications(recording(ticket.no, new Error("gateway down")), { now: at(t0, 0) })).toMatchObject({ sent: 0 });
    const afterFailure = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(afterFailure).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringContaining("gateway down") });

    const sender = recording(ticket.no);
    await deliverPendingNotifications(sender, { now: at(t0, 1_000) }); // still backing off
    expect(sender.sends).toHaveLength(0);
    await deliverPendingNotifications(sender, { now: at(t0, 31_000) });
    await deliverPendingNotifications(sender, { now: at(t0, 32_000) });
    expect(sender.sends).toHaveLength(1);
    expect(sender.sends[0]).toMatch(/^1371111\d{4}:/);
    expect(sender.sends[0]).toContain("车辆管理所");
    expect(await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({ status: "SENT", attempts: 2, claimedAt: null });
  });

  it("sends again at most once when recording the delivery fails, and only after the lease", async () => {
    const ticket = await newTicket();
    const undo = await markingSentFails();
    const sender = recording(ticket.no);
    const t0 = new Date();
    await expect(deliverPendingNotifications(sender, { now: at(t0, 0) })).rejects.toThrow("database is locked");
    // Later rounds within the lease leave the notice in flight alone (the old batch resent it).
    for (const ms of [5_000, 10_000, 60_000]) await deliverPendingNotifications(sender, { now: at(t0, ms) }).catch(() => {});
    expect(sender.sends).toHaveLength(1);
    expect(await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({ status: "SENDING", attempts: 1 });
    await undo();

    for (const ms of [OUTBOX.leaseMs + 1_000, OUTBOX.leaseMs + 6_000, 2 * OUTBOX.leaseMs + 2_000]) {
      await deliverPendingNotifications(sender, { now: at(t0, ms) });
    }
    expect(sender.sends).toHaveLength(2);
    expect(await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("counts every failed try, respects the back-off and gives up after the cap", async () => {
    const ticket = await newTicket();
    const sender = recording(ticket.no, new Error("gateway down"));
    let clock = Date.now();
    const now = () => new Date(clock);
    for (let attempt = 1; attempt <= OUTBOX.maxAttempts; attempt++) {
      await deliverPendingNotifications(sender, { now });
      const row = await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } });
      expect(row.attempts).toBe(attempt);
      if (attempt < OUTBOX.maxAttempts) {
        expect(row.status).toBe("PENDING");
        const wait = row.nextAttemptAt!.getTime() - clock;
        expect(wait).toBe(30_000 * 2 ** (attempt - 1));
        clock += wait - 1_000;
        await deliverPendingNotifications(sender, { now }); // a second early: nothing sent
        expect(sender.sends).toHaveLength(attempt);
        clock += 1_000;
      } else {
        expect(row).toMatchObject({ status: "FAILED", nextAttemptAt: null });
      }
    }
    clock += 24 * 3600_000;
    await deliverPendingNotifications(sender, { now });
    expect(sender.sends).toHaveLength(OUTBOX.maxAttempts);
  });

  it("re-sends a notice claimed by a round that died, once, after the lease", async () => {
    const ticket = await newTicket();
    const t0 = new Date();
    await db.notification.updateMany({ where: { ticketId: ticket.id }, data: { status: "SENDING", claimedAt: t0, attempts: 1 } });
    const sender = recording(ticket.no);
    await deliverPendingNotifications(sender, { now: at(t0, OUTBOX.leaseMs - 1_000) });
    expect(sender.sends).toHaveLength(0);
    await deliverPendingNotifications(sender, { now: at(t0, OUTBOX.leaseMs + 1_000) });
    await deliverPendingNotifications(sender, { now: at(t0, 3 * OUTBOX.leaseMs) });
    expect(sender.sends).toHaveLength(1);
    expect(await db.notification.findFirstOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("sends each notice once when several rounds (nodes) deliver at the same time", async () => {
    const tickets = await Promise.all(Array.from({ length: 12 }, () => newTicket()));
    const ours = new Set(tickets.map((t) => t.no));
    const sends: string[] = [];
    // A slow gateway, so the rounds overlap while notices are in flight.
    const sender: NotificationSender = {
      send: async (m) => {
        if (m.ticketNo && ours.has(m.ticketNo)) sends.push(m.ticketNo);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    };
    await Promise.all(Array.from({ length: 4 }, () => deliverPendingNotifications(sender)));
    expect(sends.sort()).toEqual([...ours].sort());
    const rows = await db.notification.findMany({ where: { ticketId: { in: tickets.map((t) => t.id) } } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ["SENT", 1]));
  });

  it("takes the oldest obligation first, looking at each kind once per round: a retry due mid-round goes first in the next", async () => {
    const retried = await newTicket();
    const t0 = new Date();
    await deliverPendingNotifications(recording(retried.no, new Error("gateway down")), { now: at(t0, 0) }); // back-off: 30 s
    const [first, second] = [await newTicket(), await newTicket()];
    const order: string[] = [];
    const sender: NotificationSender = { send: async (m) => void (m.ticketNo && order.push(m.ticketNo)) };

    let calls = 0; // the round starts before the back-off ends and goes on after it
    await deliverPendingNotifications(sender, { now: () => new Date(t0.getTime() + (calls++ === 0 ? 1_000 : 31_000)) });
    const ours = (nos: string[]) => nos.filter((no) => [retried.no, first.no, second.no].includes(no));
    expect(ours(order).sort()).toEqual([first.no, second.no].sort()); // fresh ones in insertion order, which PostgreSQL does not promise

    await deliverPendingNotifications(sender, { now: at(t0, 32_000) });
    expect(ours(order).at(-1)).toBe(retried.no);
    expect(ours(order)).toHaveLength(3);
  });

  it("queues nothing for an anonymous ticket", async () => {
    const ticket = await submitTicket(null, { ...input, phone: undefined, anonymous: true }, { channel: "WEB" });
    expect(await db.notification.count({ where: { ticketId: ticket.id } })).toBe(0);
  });
});
