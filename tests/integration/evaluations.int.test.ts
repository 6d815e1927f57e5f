import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import type { Actor } from "@/lib/auth/actor";
import {
  callbackQueue,
  type CallbackItem,
  evaluationByToken,
  expireEvaluations,
  recordUnreachable,
  submitEvaluationByLink,
} from "@/lib/dal/evaluations";
import { submitTicket } from "@/lib/dal/intake";
import { performAction } from "@/lib/dal/workflow/perform";
import { db } from "@/lib/db";

const DAY = 24 * 60 * 60 * 1000;

const complaint = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "路口信号灯配时不合理",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
  district: "东城区",
  place: "光岳路与东昌路路口",
  name: "王先生",
  phone: "13912340001",
};

let dispatcher: Actor;
let handler: Actor;
beforeAll(async () => {
  [dispatcher, handler] = await Promise.all([actorOf("dispatcher"), actorOf("zq1.handler")]);
});

/** A ticket walked to 已答复 by ZQ1's handler, with the one-time token from the queued SMS. */
async function repliedTicket(fields: Record<string, unknown> = {}) {
  const created = await submitTicket(dispatcher, { ...complaint, ...fields }, { channel: "PHONE_12123" });
  expect(created.status).toBe("DISPATCHED");
  await performAction(handler, created.no, { action: "sign", version: 1 });
  // 先联系后答复, except for anonymous callers, who have no one to contact and get no SMS.
  const anonymous = fields.anonymous === true;
  if (!anonymous) await performAction(handler, created.no, { action: "contact", version: 2, note: "电话联系王先生，了解排队情况" });
  const text = "已调整该路口左转信号配时，早高峰延长 15 秒。";
  const replied = await performAction(handler, created.no, { action: "reply", version: anonymous ? 2 : 3, text });
  expect(replied.status).toBe("REPLIED");
  if (anonymous) return { no: created.no, id: created.id, token: "" };
  const notice = await db.notification.findFirstOrThrow({ where: { ticketId: created.id, template: "REPLIED" } });
  const link = (JSON.parse(notice.payload) as { link: string }).link;
  const token = link.replace(/^\/evaluate\//, "");
  return { no: created.no, id: created.id, token };
}

const events = async (ticketId: string) =>
  (await db.ticketEvent.findMany({ where: { ticketId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => ({
    type: e.type,
    visibility: e.visibility,
    payload: JSON.parse(e.payload) as Record<string, unknown>,
  }));

describe("回访 by the one-time link", () => {
  it("shows the reply, closes on 满意 and then refuses the used link", async () => {
    const t = await repliedTicket();
    expect(await evaluationByToken(t.token)).toMatchObject({
      no: t.no,
      title: complaint.title,
      reply: "已调整该路口左转信号配时，早高峰延长 15 秒。",
    });

    expect(await submitEvaluationByLink(t.token, { resolved: "true", satisfaction: "SATISFIED", comment: "调整后好多了" })).toEqual({
      no: t.no,
      closed: true,
    });
    const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id }, include: { evaluations: true } });
    expect(row).toMatchObject({ status: "CLOSED", resolved: true, satisfaction: "SATISFIED", evaluationTokenHash: null, version: 5, escalationAt: null });
    expect(row.closedAt).not.toBeNull();
    expect(row.evaluatedAt).not.toBeNull();
    expect(row.evaluations).toMatchObject([{ round: 1, source: "LINK", satisfaction: "SATISFIED", resolved: true, comment: "调整后好多了", recordedById: null }]);
    const tail = (await events(t.id)).slice(-2);
    expect(tail).toMatchObject([
      { type: "EVALUATED", visibility: "PUBLIC", payload: { resolved: true, satisfaction: "SATISFIED", comment: "调整后好多了", source: "LINK" } },
      { type: "CLOSED", visibility: "PUBLIC" },
    ]);

    // One-time: the same link neither shows nor accepts anything again.
    await expect(evaluationByToken(t.token)).rejects.toMatchObject({ status: 404, message: "评价链接无效或已过期" });
    await expect(submitEvaluationByLink(t.token, { resolved: "false", satisfaction: "UNSATISFIED" })).rejects.toMatchObject({ status: 404 });
    expect(await db.evaluation.count({ where: { ticketId: t.id } })).toBe(1);
  });

  it("leaves 不满意 for a manager's decision, and the link is spent", async () => {
    const t = await repliedTicket();
    expect(await submitEvaluationByLink(t.token, { resolved: "false", satisfaction: "UNSATISFIED", comment: "排队还是很长" })).toEqual({
      no: t.no,
      closed: false,
    });
    const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(row).toMatchObject({ status: "REPLIED", awaitingReview: true, satisfaction: "UNSATISFIED", resolved: false, evaluationTokenHash: null, closedAt: null });
    const tail = (await events(t.id)).slice(-1);
    expect(tail).toMatchObject([{ type: "EVALUATED", payload: { satisfaction: "UNSATISFIED", source: "LINK" } }]);
    await expect(evaluationByToken(t.token)).rejects.toMatchObject({ status: 404 });
    // Not in the callback queue either: it waits for the manager.
    expect((await wholeQueue()).map((i) => i.no)).not.toContain(t.no);
  });

  it("rejects bad answers in Chinese and unknown or malformed tokens", async () => {
    const t = await repliedTicket();
    await expect(submitEvaluationByLink(t.token, { resolved: "也许" })).rejects.toMatchObject({
      status: 400,
      errors: expect.arrayContaining([expect.objectContaining({ field: "resolved" }), expect.objectContaining({ field: "satisfaction" })]),
    });
    await expect(submitEvaluationByLink(t.token, { resolved: "true", satisfaction: "SATISFIED", comment: "长".repeat(501) })).rejects.toMatchObject({
      status: 400,
    });
    await expect(evaluationByToken("x".repeat(43))).rejects.toMatchObject({ status: 404 });
    await expect(evaluationByToken("../etc")).rejects.toMatchObject({ status: 404 });
    expect(await evaluationByToken(t.token)).toMatchObject({ no: t.no });
  });
});

describe("未评价 after the window", () => {
  it("closes once as NONE after 7 days; a second run changes nothing", async () => {
    const t = await repliedTicket();
    const before = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(await expireEvaluations(new Date(Date.now() + DAY))).toMatchObject({ closed: 0 });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ status: "REPLIED", version: before.version });

    const later = new Date(before.evaluationExpiresAt!.getTime() + 1000);
    // The link stops working at the deadline, whether or not the expiry has run yet.
    await expect(evaluationByToken(t.token, later)).rejects.toMatchObject({ status: 404 });
    const first = await expireEvaluations(later);
    expect(first.closed).toBeGreaterThanOrEqual(1);
    const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id }, include: { evaluations: true } });
    expect(row).toMatchObject({ status: "CLOSED", satisfaction: "NONE", resolved: null, evaluationTokenHash: null, version: before.version + 1 });
    expect(row.closedAt?.getTime()).toBe(later.getTime());
    expect(row.evaluations).toMatchObject([{ source: "EXPIRED", satisfaction: "NONE", resolved: null }]);
    const count = (await events(t.id)).length;
    expect((await events(t.id)).slice(-2)).toMatchObject([
      { type: "EVALUATED", payload: { satisfaction: "NONE", source: "EXPIRED" } },
      { type: "CLOSED" },
    ]);

    expect(await expireEvaluations(later)).toEqual({ closed: 0 });
    expect(await expireEvaluations(new Date(later.getTime() + DAY))).toEqual({ closed: 0 });
    expect((await events(t.id)).length).toBe(count);
    expect(await db.evaluation.count({ where: { ticketId: t.id } })).toBe(1);
  });

  it("closes each ticket once when two runs expire at the same time", async () => {
    const tickets = await Promise.all(["13912340021", "13912340022", "13912340023", "13912340024"].map((phone) => repliedTicket({ phone })));
    const later = new Date(Date.now() + 30 * DAY);
    const expiredBefore = await db.evaluation.count({ where: { source: "EXPIRED" } });
    const runs = await Promise.all([expireEvaluations(later), expireEvaluations(later)]);
    expect(runs[0].closed + runs[1].closed).toBe((await db.evaluation.count({ where: { source: "EXPIRED" } })) - expiredBefore);
    for (const t of tickets) {
      expect(await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ status: "CLOSED", satisfaction: "NONE" });
      expect(await db.evaluation.count({ where: { ticketId: t.id } })).toBe(1);
      expect((await events(t.id)).filter((e) => e.type === "CLOSED")).toHaveLength(1);
    }
  });

  it("does not close a 不满意 ticket waiting for the manager", async () => {
    const t = await repliedTicket();
    await submitEvaluationByLink(t.token, { resolved: "false", satisfaction: "UNSATISFIED" });
    await expireEvaluations(new Date(Date.now() + 30 * DAY));
    expect(await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ status: "REPLIED", awaitingReview: true });
  });
});

/** Every page of the dispatcher's 回访队列. */
async function wholeQueue(): Promise<CallbackItem[]> {
  const items: CallbackItem[] = [];
  for (let page = 1; ; page++) {
    const result = await callbackQueue(dispatcher, { page });
    items.push(...result.items);
    if (page * result.pageSize >= result.total) return items;
  }
}

describe("回访 by phone", () => {
  it("lists replied tickets with the phone, oldest reply first, for dispatchers only", async () => {
    const a = await repliedTicket({ phone: "13912340011" });
    const b = await repliedTicket({ phone: "13912340012" });
    const anonymous = await repliedTicket({ anonymous: true, phone: undefined, name: undefined });
    const queue = await wholeQueue();
    const nos = queue.map((i) => i.no);
    expect(nos.indexOf(a.no)).toBeGreaterThanOrEqual(0);
    expect(nos.indexOf(a.no)).toBeLessThan(nos.indexOf(b.no));
    expect(nos).not.toContain(anonymous.no);
    expect(queue.find((i) => i.no === a.no)).toMatchObject({ citizenPhone: "13912340011", callbackAttempts: 0, version: 4 });

    await expect(callbackQueue(handler)).rejects.toMatchObject({ status: 403 });
  });

  it("closes as 未评价 after three unanswered calls, refusing stale versions and handlers", async () => {
    const t = await repliedTicket();
    await expect(recordUnreachable(handler, t.no, 4)).rejects.toMatchObject({ status: 403 });

    const one = await recordUnreachable(dispatcher, t.no, 4);
    expect(one).toEqual({ no: t.no, version: 5, callbackAttempts: 1, closed: false });
    await expect(recordUnreachable(dispatcher, t.no, 4)).rejects.toMatchObject({ status: 409, message: "工单已被他人更新，请刷新后重试" });
    expect(await recordUnreachable(dispatcher, t.no, 5)).toMatchObject({ callbackAttempts: 2, closed: false });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ status: "REPLIED", callbackAttempts: 2 });
    expect((await wholeQueue()).find((i) => i.no === t.no)).toMatchObject({ callbackAttempts: 2, version: 6 });

    expect(await recordUnreachable(dispatcher, t.no, 6)).toEqual({ no: t.no, version: 7, callbackAttempts: 3, closed: true });
    const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id }, include: { evaluations: true } });
    expect(row).toMatchObject({ status: "CLOSED", satisfaction: "NONE", resolved: null, evaluationTokenHash: null, callbackAttempts: 3, version: 7 });
    expect(row.evaluations).toMatchObject([{ source: "CALLBACK", satisfaction: "NONE", recordedById: dispatcher.userId }]);
    const all = await events(t.id);
    expect(all.filter((e) => e.type === "CALLBACK_ATTEMPT")).toHaveLength(3);
    expect(all.filter((e) => e.type === "CALLBACK_ATTEMPT").every((e) => e.visibility === "INTERNAL")).toBe(true);
    expect(all.slice(-2)).toMatchObject([
      { type: "EVALUATED", payload: { satisfaction: "NONE", source: "CALLBACK" } },
      { type: "CLOSED" },
    ]);
    await expect(recordUnreachable(dispatcher, t.no, 7)).rejects.toMatchObject({ status: 409 });
    await expect(evaluationByToken(t.token)).rejects.toMatchObject({ status: 404 });
  });

  it("an answered callback through the evaluate step spends the link", async () => {
    const t = await repliedTicket();
    const closed = await performAction(dispatcher, t.no, { action: "evaluate", version: 4, resolved: "是", satisfaction: "BASIC" });
    expect(closed.status).toBe("CLOSED");
    await expect(submitEvaluationByLink(t.token, { resolved: "true", satisfaction: "SATISFIED" })).rejects.toMatchObject({ status: 404 });
  });
});
