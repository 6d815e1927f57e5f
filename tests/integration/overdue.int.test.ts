import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import type { Actor } from "@/lib/auth/actor";
import { submitTicket } from "@/lib/dal/intake";
import { candidatesQuery, recordOverdue } from "@/lib/dal/overdue";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sqliteParameters } from "@/lib/sql/sqlite-driver";
import { sql } from "@/lib/sql";
import { rawSqlite } from "@/lib/sqlite";

const HOUR = 60 * 60 * 1000;

const input = {
  type: "HELP",
  category: "SERVICE",
  title: "换证预约失败",
  content: "12123 上驾驶证换证预约一直失败，请帮忙看看。",
  phone: "13711113333",
};

let dispatcher: Actor;
beforeAll(async () => {
  dispatcher = await actorOf("dispatcher");
});

/** A routed ticket whose sign, contact and close deadlines all lie `hoursAgo` in the past. */
async function lateTicket(hoursAgo = 2, extra: Record<string, unknown> = {}, raw: Record<string, unknown> = input) {
  const ticket = await submitTicket(dispatcher, raw, { channel: "PHONE_12123" });
  expect(ticket.status).toBe("DISPATCHED");
  const past = new Date(Date.now() - hoursAgo * HOUR);
  return db.ticket.update({
    where: { id: ticket.id },
    data: { signDueAt: past, contactDueAt: past, dueAt: past, escalationAt: past, ...extra },
  });
}

async function overdueEvents(ticketId: string) {
  const events = await db.ticketEvent.findMany({ where: { ticketId, type: "OVERDUE" }, orderBy: { createdAt: "asc" } });
  return events.map((e) => ({ visibility: e.visibility, ...(JSON.parse(e.payload) as { deadline: string; dueAt: string }) }));
}

const deadlines = async (ticketId: string) => (await overdueEvents(ticketId)).map((e) => e.deadline).sort();

describe("overdue detection (超期)", () => {
  it("writes one internal OVERDUE event per crossed deadline, sets the markers, and leaves version and updatedAt alone", async () => {
    const open = await lateTicket();
    const signed = await lateTicket(2, { status: "IN_PROGRESS", signedAt: new Date(Date.now() - 3 * HOUR) });
    const replied = await lateTicket(2, {
      status: "REPLIED",
      signedAt: new Date(Date.now() - 3 * HOUR),
      firstContactAt: new Date(Date.now() - 3 * HOUR),
      repliedAt: new Date(Date.now() - 3 * HOUR),
      escalationAt: null,
    });
    const anonymous = await lateTicket(2, {}, { ...input, phone: undefined, anonymous: true });
    const notYet = await lateTicket(-1); // all deadlines an hour ahead
    const notifications = await db.notification.count();

    const now = new Date();
    const first = await recordOverdue(now);
    // The seeded demo tickets have crossings of their own; these five are what we control.
    expect(first.events).toBeGreaterThanOrEqual(3 + 2 + 2);

    expect(await deadlines(open.id)).toEqual(["CLOSE", "CONTACT", "SIGN"]);
    expect(await deadlines(signed.id)).toEqual(["CLOSE", "CONTACT"]);
    expect(await deadlines(replied.id)).toEqual([]);
    expect(await deadlines(anonymous.id)).toEqual(["CLOSE", "SIGN"]);
    expect(await deadlines(notYet.id)).toEqual([]);

    const [event] = await overdueEvents(open.id);
    expect(event).toMatchObject({ visibility: "INTERNAL", dueAt: open.dueAt!.toISOString() });

    const after = await db.ticket.findUniqueOrThrow({ where: { id: open.id } });
    expect(after).toMatchObject({ signOverdueAt: now, contactOverdueAt: now, dueOverdueAt: now, version: open.version, updatedAt: open.updatedAt });
    // Recorded tickets keep their place in the workbench's sort.
    expect(after.escalationAt).toEqual(open.escalationAt);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: signed.id } })).signOverdueAt).toBeNull();
    expect(await db.notification.count()).toBe(notifications);
  });

  it("writes nothing twice: again, after a restart, or from two runs at once", async () => {
    const ticket = await lateTicket();
    const now = new Date();
    const [a, b] = await Promise.all([recordOverdue(now), recordOverdue(now)]);
    expect(a.events + b.events).toBeGreaterThanOrEqual(3);
    expect(await deadlines(ticket.id)).toEqual(["CLOSE", "CONTACT", "SIGN"]);

    expect(await recordOverdue(now)).toEqual({ tickets: 0, events: 0 });
    expect(await recordOverdue(new Date(now.getTime() + 1000))).toEqual({ tickets: 0, events: 0 });
    expect(await deadlines(ticket.id)).toHaveLength(3);
  });

  it("lets the cron tick and the server's scheduler race in separate processes, each event written once", async () => {
    const tickets = await Promise.all(Array.from({ length: 40 }, () => lateTicket()));
    const tick = () =>
      promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "cli/index.ts", "tick"], {
        env: { ...process.env },
      }).then(({ stdout }) => JSON.parse(stdout) as { tickets: number; events: number });
    const [cronA, cronB, server] = await Promise.all([tick(), tick(), recordOverdue()]);
    expect(cronA.events + cronB.events + server.events).toBeGreaterThanOrEqual(40 * 3);
    for (const t of tickets) expect(await deadlines(t.id)).toEqual(["CLOSE", "CONTACT", "SIGN"]);

    // A fresh process (a restart) finds nothing left to record.
    expect(await tick()).toEqual({ tickets: 0, events: 0, evaluationsExpired: 0 });
  }, 60_000);

  it("works through a backlog larger than one batch", async () => {
    const backlog = { citizenPhone: "13711114444" };
    for (let i = 0; i < 1_100; i++) await submitTicket(dispatcher, { ...input, phone: backlog.citizenPhone }, { channel: "PHONE_12123" });
    const past = new Date(Date.now() - HOUR);
    await db.ticket.updateMany({ where: backlog, data: { signDueAt: past, contactDueAt: past, dueAt: past, escalationAt: past } });

    const now = new Date();
    const result = await recordOverdue(now);
    expect(result.tickets).toBeGreaterThanOrEqual(1_100);
    expect(await db.ticketEvent.count({ where: { ticket: backlog, type: "OVERDUE" } })).toBe(3_300);
    expect(await recordOverdue(now)).toEqual({ tickets: 0, events: 0 });
  }, 60_000);

  it("watches an extended deadline again once it moves past its marker", async () => {
    const ticket = await lateTicket(2, { status: "IN_PROGRESS", signedAt: new Date(), firstContactAt: new Date() });
    const now = Date.now();
    await recordOverdue(new Date(now - 10 * 60_000));
    // 延期 approved late: the new deadline lies after the marker, so it is watched again.
    const extendedDue = new Date(now - 5 * 60_000);
    await db.ticket.update({ where: { id: ticket.id }, data: { dueAt: extendedDue, escalationAt: extendedDue } });
    expect(await recordOverdue(new Date(now))).toMatchObject({ events: 1 });
    const events = await overdueEvents(ticket.id);
    expect(events.map((e) => e.dueAt)).toEqual([ticket.dueAt!.toISOString(), extendedDue.toISOString()]);
  });

  it("finds candidates through the (status, escalationAt) index", async () => {
    const query = candidatesQuery(sql(), new Date(), 500).compile();
    if (env().databaseEngine === "postgresql") {
      // The template's few tickets would make a sequential scan the cheaper plan: ask whether
      // the index can serve the query at all.
      const [, plan] = await db.$transaction([
        db.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`),
        db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query.sql}`, ...query.parameters),
      ]);
      expect(plan.map((p) => p["QUERY PLAN"]).join("\n")).toMatch(/Ticket_status_escalationAt_idx[\s\S]*Index Cond: .*status.*escalationAt/);
      return;
    }
    const plan = rawSqlite()
      .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
      .all(...sqliteParameters(query.parameters)) as { detail: string }[];
    expect(plan.map((p) => p.detail).join("\n")).toMatch(/USING INDEX Ticket_status_escalationAt_idx \(status=\? AND escalationAt<\?\)/);
  });
});
