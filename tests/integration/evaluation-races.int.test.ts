import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/auth/api-token";
import { expireEvaluations, recordUnreachable, submitEvaluationByLink } from "@/lib/dal/evaluations";
import { submitTicket } from "@/lib/dal/intake";
import { db } from "@/lib/db";

// The 回访 writes racing each other, on both engines (PostgreSQL runs them as truly concurrent
// transactions). The reply step is not what is tested here, so a ticket is put into 已答复 with
// a known link token directly; evaluations.int.test.ts walks the real workflow.

const DAY = 24 * 60 * 60 * 1000;

const complaint = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "路口信号灯配时不合理",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
  district: "东城区",
  name: "王先生",
  phone: "13912340001",
};

let dispatcher: Actor;
beforeAll(async () => {
  dispatcher = await actorOf("dispatcher");
});

/** A ticket in 已答复 at version 4, with a live one-time link. */
async function repliedTicket(expiresAt = new Date(Date.now() + 7 * DAY)) {
  const created = await submitTicket(dispatcher, complaint, { channel: "PHONE_12123" });
  const token = randomBytes(32).toString("base64url");
  await db.ticket.update({
    where: { id: created.id },
    data: { status: "REPLIED", repliedAt: new Date(), replyText: "已调整信号配时。", version: 4, evaluationTokenHash: hashToken(token), evaluationExpiresAt: expiresAt },
  });
  return { id: created.id, no: created.no, token };
}

describe("回访 writes racing each other", () => {
  it("the citizen's link and the last unanswered callback: exactly one closes the ticket", async () => {
    const t = await repliedTicket();
    await recordUnreachable(dispatcher, t.no, 4);
    await recordUnreachable(dispatcher, t.no, 5);
    const outcomes = await Promise.allSettled([
      submitEvaluationByLink(t.token, { resolved: "true", satisfaction: "BASIC" }),
      recordUnreachable(dispatcher, t.no, 6),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.reason).toMatchObject({ status: expect.toSatisfy((s: number) => s === 404 || s === 409) });
    const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id }, include: { evaluations: true } });
    expect(row).toMatchObject({ status: "CLOSED", version: 7, evaluationTokenHash: null });
    expect(row.evaluations).toHaveLength(1);
    expect(await db.ticketEvent.count({ where: { ticketId: t.id, type: "CLOSED" } })).toBe(1);
  });

  it("two expiry runs at once (server and cron) close each ticket once, and neither fails", async () => {
    const expiresAt = new Date(Date.now() + DAY);
    const tickets = await Promise.all(Array.from({ length: 30 }, () => repliedTicket(expiresAt)));
    const later = new Date(expiresAt.getTime() + 1000);
    const [a, b] = await Promise.all([expireEvaluations(later), expireEvaluations(later)]);
    expect(a.closed + b.closed).toBeGreaterThanOrEqual(tickets.length);
    const ids = tickets.map((t) => t.id);
    expect(await db.evaluation.count({ where: { ticketId: { in: ids }, source: "EXPIRED" } })).toBe(tickets.length);
    expect(await db.ticketEvent.count({ where: { ticketId: { in: ids }, type: "CLOSED" } })).toBe(tickets.length);
    expect(await db.ticket.count({ where: { id: { in: ids }, status: "CLOSED", satisfaction: "NONE", version: 5 } })).toBe(tickets.length);
  });
});
