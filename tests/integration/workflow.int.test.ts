import { describe, expect, it } from "vitest";
import { POST as act } from "@/app/api/v1/tickets/[no]/actions/route";
import { POST as create } from "@/app/api/v1/tickets/route";
import { ACTIONS } from "@/lib/domain/workflow";
import { db } from "@/lib/db";
import { requestAs } from "../support/actors";

type Ticket = { no: string; status: string; version: number; ownerUnit: string | null; events: { type: string }[] } & Record<
  string,
  unknown
>;

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

async function newTicket(fields: Record<string, unknown> = {}): Promise<Ticket> {
  const response = await create(
    await requestAs("dispatcher", "/api/v1/tickets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...complaint, ...fields }),
    }),
  );
  expect(response.status).toBe(201);
  return (await response.json()) as Ticket;
}

async function actionRequest(user: string, no: string, body: Record<string, unknown>) {
  return requestAs(user, `/api/v1/tickets/${no}/actions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

const params = (no: string) => ({ params: Promise.resolve({ no }) });

async function step(user: string, no: string, body: Record<string, unknown>) {
  const response = await act(await actionRequest(user, no, body), params(no));
  return { status: response.status, body: (await response.json()) as Ticket & { error?: string; errors?: { field: string }[] } };
}

/** A step that must succeed; returns the ticket after it. */
async function ok(user: string, no: string, body: Record<string, unknown>): Promise<Ticket> {
  const { status, body: ticket } = await step(user, no, body);
  expect(status, JSON.stringify(ticket)).toBe(200);
  return ticket;
}

const eventCount = (no: string) => db.ticketEvent.count({ where: { ticket: { no } } });

describe("POST /api/v1/tickets/{no}/actions", () => {
  it("walks sign → contact → reply → evaluate, one version and one event per step", async () => {
    const t = await newTicket();
    expect(t).toMatchObject({ status: "DISPATCHED", ownerUnit: "ZQ1", version: 1 });
    const base = t.events.length;

    const signed = await ok("zq1.handler", t.no, { action: "sign", version: 1 });
    expect(signed).toMatchObject({ status: "IN_PROGRESS", version: 2 });
    expect(signed.events).toHaveLength(base + 1);
    expect(signed.events.at(-1)).toMatchObject({ type: "SIGNED", unit: "ZQ1" });

    // 先联系后答复: no reply before the citizen was contacted.
    const early = await step("zq1.handler", t.no, { action: "reply", version: 2, text: "已调整该路口左转信号配时，早高峰延长 15 秒。" });
    expect(early.status).toBe(409);
    expect(early.body.error).toContain("先联系");

    const contacted = await ok("zq1.handler", t.no, { action: "contact", version: 2, note: "电话联系王先生，了解排队情况" });
    expect(contacted).toMatchObject({ version: 3 });
    expect(contacted.events.at(-1)).toMatchObject({ type: "CONTACTED", payload: { note: "电话联系王先生，了解排队情况", method: "CALL" } });
    expect((contacted.timestamps as { firstContactAt: string | null }).firstContactAt).toBeTruthy();

    const replied = await ok("zq1.handler", t.no, { action: "reply", version: 3, text: "已调整该路口左转信号配时，早高峰延长 15 秒。" });
    expect(replied).toMatchObject({ status: "REPLIED", version: 4, reply: "已调整该路口左转信号配时，早高峰延长 15 秒。" });
    expect(replied.events).toHaveLength(base + 3);
    const row = await db.ticket.findUniqueOrThrow({ where: { no: t.no } });
    expect(row.evaluationTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.evaluationExpiresAt!.getTime() - row.repliedAt!.getTime()).toBe(7 * 24 * 3_600_000);
    const notice = await db.notification.findFirstOrThrow({ where: { ticketId: row.id, template: "REPLIED" } });
    expect(notice.recipient).toBe(complaint.phone);
    expect(JSON.parse(notice.payload).link).toMatch(/^\/evaluate\/[\w-]{22}$/);

    const closed = await ok("dispatcher", t.no, { action: "evaluate", version: 4, resolved: true, satisfaction: "SATISFIED" });
    expect(closed).toMatchObject({ status: "CLOSED", version: 5, evaluation: { resolved: true, satisfaction: "SATISFIED" } });
    expect(closed.events).toHaveLength(base + 4);
    const after = await db.ticket.findUniqueOrThrow({ where: { no: t.no }, include: { evaluations: true } });
    expect(after.closedAt).not.toBeNull();
    expect(after.evaluationTokenHash).toBeNull();
    expect(after.escalationAt).toBeNull();
    expect(after.evaluations).toMatchObject([{ round: 1, source: "CALLBACK", satisfaction: "SATISFIED" }]);

    // Nothing happens on a closed ticket.
    expect((await step("zq1.handler", t.no, { action: "note", version: 5, text: "补充记录" })).status).toBe(409);
  });

  it("refuses a stale version with 409 and writes nothing", async () => {
    const t = await newTicket();
    await ok("zq1.handler", t.no, { action: "sign", version: 1 });
    const events = await eventCount(t.no);
    const stale = await step("zq1.handler", t.no, { action: "contact", version: 1, note: "电话联系王先生" });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe("工单已被他人更新，请刷新后重试");
    expect(await eventCount(t.no)).toBe(events);
    expect(await db.ticket.findUniqueOrThrow({ where: { no: t.no } })).toMatchObject({ version: 2, firstContactAt: null });
  });

  it("answers 400 for an unknown action, a missing version and bad fields", async () => {
    const t = await newTicket();
    const unknown = await step("zq1.handler", t.no, { action: "explode", version: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.map((e) => e.field)).toEqual(["action"]);
    const noVersion = await step("zq1.handler", t.no, { action: "sign" });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors?.map((e) => e.field)).toEqual(["version"]);
    const badFields = await step("zq1.handler", t.no, { action: "contact", version: 1 });
    expect(badFields.status).toBe(400);
    expect(badFields.body.errors?.map((e) => e.field)).toContain("note");
    expect((await step("zq1.handler", "20990101999999", { action: "sign", version: 1 })).status).toBe(404);
  });

  it("gives another brigade's handler 404 (as if the ticket did not exist) on every action of a ZQ1 ticket", async () => {
    const t = await newTicket();
    const events = await eventCount(t.no);
    for (const action of ACTIONS) {
      const { status } = await step("zq2.handler", t.no, { action, version: 1 });
      // Fields are checked first (400) when the action has required ones; fill them for a fair test.
      if (status === 400) {
        const filled = await step("zq2.handler", t.no, { action, version: 1, ...validFields[action] });
        expect(filled.status, action).toBe(404);
      } else {
        expect(status, action).toBe(404);
      }
    }
    expect(await eventCount(t.no)).toBe(events);
  });

  it("lets exactly one of ten concurrent signs with the same version through", async () => {
    const t = await newTicket();
    const requests = await Promise.all(Array.from({ length: 10 }, () => actionRequest("zq1.handler", t.no, { action: "sign", version: 1 })));
    const responses = await Promise.all(requests.map((r) => act(r, params(t.no))));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(((await refused.json()) as { error: string }).error).toBe("工单已被他人更新，请刷新后重试");
    }
    expect(await db.ticketEvent.count({ where: { ticket: { no: t.no }, type: "SIGNED" } })).toBe(1);
    expect(await db.ticket.findUniqueOrThrow({ where: { no: t.no } })).toMatchObject({ version: 2, status: "IN_PROGRESS" });
  });

  it("keeps nothing of the losers of concurrent steps that write side rows before the version check", async () => {
    const t = await newTicket();
    await ok("zq1.handler", t.no, { action: "sign", version: 1 });
    const events = await eventCount(t.no);
    const requests = await Promise.all(
      Array.from({ length: 5 }, (_, i) => actionRequest("zq1.handler", t.no, { action: "extend", version: 2, reason: `需要协调市政部门第${i}次`, workingDays: 2 })),
    );
    const statuses = (await Promise.all(requests.map((r) => act(r, params(t.no))))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    expect(await db.extensionRequest.count({ where: { ticket: { no: t.no } } })).toBe(1);
    expect(await eventCount(t.no)).toBe(events + 1);
    expect(await db.ticket.findUniqueOrThrow({ where: { no: t.no } })).toMatchObject({ version: 3, extensionPending: true });
  });

  it("returns a ticket within the window and re-dispatches it to ZQ2", async () => {
    const t = await newTicket();
    const asked = await ok("zq1.handler", t.no, { action: "return", version: 1, reason: "该路段属于西城区辖区，不属本大队管辖", suggestedUnit: "ZQ2" });
    expect(asked).toMatchObject({ status: "DISPATCHED", flags: { returnPending: true } });
    // A pending return blocks nothing but a second request.
    expect((await step("zq1.handler", t.no, { action: "return", version: 2, reason: "再次申请退单理由", suggestedUnit: "ZQ2" })).status).toBe(409);

    const moved = await ok("dispatcher", t.no, { action: "approveReturn", version: 2, unit: "ZQ2" });
    expect(moved).toMatchObject({ status: "DISPATCHED", ownerUnit: "ZQ2", version: 3, flags: { returnPending: false } });
    const row = await db.ticket.findUniqueOrThrow({ where: { no: t.no }, include: { returnRequests: true } });
    expect(row.returnCount).toBe(1);
    expect(row.signedAt).toBeNull();
    expect(row.signDueAt!.getTime() - row.dispatchedAt!.getTime()).toBe(3_600_000);
    expect(row.returnRequests[0]).toMatchObject({ status: "APPROVED" });

    // The old owner lost it (and no longer sees it at all); the new owner signs.
    expect((await step("zq1.handler", t.no, { action: "sign", version: 3 })).status).toBe(404);
    expect(await ok("zq2.handler", t.no, { action: "sign", version: 3 })).toMatchObject({ status: "IN_PROGRESS" });
  });

  it("approves a second return only with a manager's consent", async () => {
    const t = await newTicket();
    await ok("zq1.handler", t.no, { action: "return", version: 1, reason: "该路段属于西城区辖区，不属本大队管辖", suggestedUnit: "ZQ2" });
    await ok("dispatcher", t.no, { action: "approveReturn", version: 2, unit: "ZQ2" });
    await ok("zq2.handler", t.no, { action: "return", version: 3, reason: "现场核实属南城区辖区，申请再次退单", suggestedUnit: "ZQ3" });

    const capped = await step("dispatcher", t.no, { action: "approveReturn", version: 4, unit: "ZQ3" });
    expect(capped.status).toBe(409);
    expect(capped.body.error).toContain("支队领导");
    const moved = await ok("manager", t.no, { action: "approveReturn", version: 4, unit: "ZQ3" });
    expect(moved).toMatchObject({ ownerUnit: "ZQ3", status: "DISPATCHED" });
    expect((await db.ticket.findUniqueOrThrow({ where: { no: t.no } })).returnCount).toBe(2);
  });

  it("refuses a 非警务 reply until the coordination is recorded", async () => {
    const t = await newTicket({ category: "NON_POLICE", title: "路灯不亮", content: "光岳路北段路灯连续一周不亮，夜间行车危险。" });
    expect(t.ownerUnit).toBe("ZQ1");
    await ok("zq1.handler", t.no, { action: "sign", version: 1 });
    await ok("zq1.handler", t.no, { action: "contact", version: 2, note: "电话联系群众确认路段" });
    const text = "已联系市政路灯管理处，对方承诺三日内修复路灯。";
    const refused = await step("zq1.handler", t.no, { action: "reply", version: 3, text });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toContain("协调");
    const replied = await ok("zq1.handler", t.no, {
      action: "reply",
      version: 3,
      text,
      coordinatedWith: "市政路灯管理处",
      coordinatedAt: new Date(Date.now() - 3_600_000).toISOString(),
      coordinationAnswer: "三日内修复",
    });
    expect(replied.status).toBe("REPLIED");
    expect(await db.ticket.findUniqueOrThrow({ where: { no: t.no } })).toMatchObject({ coordinatedWith: "市政路灯管理处" });
  });

  it("moves the deadline when zq1.lead approves an extension, and tells the citizen", async () => {
    const t = await newTicket();
    await ok("zq1.handler", t.no, { action: "sign", version: 1 });
    const before = await db.ticket.findUniqueOrThrow({ where: { no: t.no } });
    await ok("zq1.handler", t.no, { action: "extend", version: 2, reason: "需要协调施工单位调整围挡", workingDays: 3 });
    expect((await step("zq1.handler", t.no, { action: "approveExtension", version: 3 })).status).toBe(403);
    const approved = await ok("zq1.lead", t.no, { action: "approveExtension", version: 3 });
    expect(approved.events.at(-1)).toMatchObject({ type: "EXTENSION_APPROVED", visibility: "PUBLIC" });
    const after = await db.ticket.findUniqueOrThrow({ where: { no: t.no }, include: { extensionRequests: true } });
    expect(after.dueAt!.getTime()).toBeGreaterThan(before.dueAt!.getTime());
    expect(after).toMatchObject({ extendedDays: 3, extensionPending: false });
    expect(after.extensionRequests[0]).toMatchObject({ status: "APPROVED", workingDays: 3 });
    const notice = await db.notification.findFirstOrThrow({ where: { ticketId: after.id, template: "EXTENDED" } });
    expect(notice.recipient).toBe(complaint.phone);
    expect(JSON.parse(notice.payload)).toMatchObject({ no: t.no, workingDays: 3, dueAt: after.dueAt!.toISOString() });
    // Once only.
    expect((await step("zq1.handler", t.no, { action: "extend", version: 4, reason: "再次申请延期理由", workingDays: 1 })).status).toBe(409);
  });

  it("keeps 不满意 for a manager, who reopens it under the same number", async () => {
    const t = await newTicket({ phone: "13912340002" });
    await ok("zq1.handler", t.no, { action: "sign", version: 1 });
    await ok("zq1.handler", t.no, { action: "contact", version: 2, note: "电话联系王先生" });
    await ok("zq1.handler", t.no, { action: "reply", version: 3, text: "已调整该路口左转信号配时，早高峰延长 15 秒。" });
    const unhappy = await ok("dispatcher", t.no, { action: "evaluate", version: 4, resolved: false, satisfaction: "UNSATISFIED", comment: "还是很堵" });
    expect(unhappy).toMatchObject({ status: "REPLIED", flags: { awaitingReview: true } });

    expect((await step("zq1.lead", t.no, { action: "reopen", version: 5, reason: "群众反映仍然拥堵" })).status).toBe(403);
    const reopened = await ok("manager", t.no, { action: "reopen", version: 5, reason: "群众反映仍然拥堵" });
    expect(reopened).toMatchObject({ no: t.no, status: "IN_PROGRESS", version: 6, flags: { awaitingReview: false } });
    const row = await db.ticket.findUniqueOrThrow({ where: { no: t.no } });
    expect(row).toMatchObject({ reopenCount: 1, repliedAt: null, closedAt: null });
    expect(row.dueAt!.getTime()).toBeGreaterThan(Date.now());
    expect(row.escalationAt).toEqual(row.dueAt);
    expect(await db.notification.count({ where: { ticketId: row.id, template: "REOPENED" } })).toBe(1);

    // Second round: another 不满意, and the cap (one reopen) holds unless the manager overrides.
    await ok("zq1.handler", t.no, { action: "reply", version: 6, text: "已再次调整配时并增设左转待行区。" });
    await ok("dispatcher", t.no, { action: "evaluate", version: 7, resolved: false, satisfaction: "UNSATISFIED" });
    expect((await step("manager", t.no, { action: "reopen", version: 8, reason: "群众仍不满意" })).status).toBe(409);
    const closed = await ok("manager", t.no, { action: "closeReview", version: 8, note: "已按规范整改，群众诉求超出可调整范围" });
    expect(closed).toMatchObject({ status: "CLOSED", flags: { awaitingReview: false } });
    const evaluations = await db.evaluation.findMany({ where: { ticketId: row.id }, orderBy: { round: "asc" } });
    expect(evaluations.map((e) => e.round)).toEqual([1, 2]);
  });

  it("assists, assigns, grades, supervises and invalidates, each on the same number", async () => {
    const t = await newTicket();
    await ok("zq1.handler", t.no, { action: "sign", version: 1 });
    // 协办: SG may read the ticket once asked (before that it does not exist for SG), answers once; the owner keeps it.
    expect((await step("sg.handler", t.no, { action: "assistReply", version: 2, text: "已调取监控" })).status).toBe(404);
    expect((await step("zq1.handler", t.no, { action: "assist", version: 2, unit: "ZQ1", note: "请协助" })).status).toBe(400);
    await ok("zq1.handler", t.no, { action: "assist", version: 2, unit: "SG", note: "请协助调取路口监控" });
    const answered = await ok("sg.handler", t.no, { action: "assistReply", version: 3, text: "已调取监控并移交" });
    expect(answered).toMatchObject({ ownerUnit: "ZQ1", version: 4 });
    expect((await step("sg.handler", t.no, { action: "assistReply", version: 4, text: "再次反馈" })).status).toBe(409);
    const assist = await db.assistRequest.findFirstOrThrow({ where: { ticket: { no: t.no } } });
    expect(assist).toMatchObject({ status: "ANSWERED", reply: "已调取监控并移交" });

    const assigned = await ok("zq1.lead", t.no, { action: "assign", version: 4, handler: "zq1.handler", squadron: "ZQ1-1" });
    expect(assigned).toMatchObject({ squadronUnit: "ZQ1-1", handler: { username: "zq1.handler" } });
    expect((await step("zq1.lead", t.no, { action: "assign", version: 5, handler: "zq2.handler" })).status).toBe(400);

    const before = await db.ticket.findUniqueOrThrow({ where: { no: t.no } });
    await ok("zq1.lead", t.no, { action: "grade", version: 5, grade: "DIFFICULT" });
    const graded = await db.ticket.findUniqueOrThrow({ where: { no: t.no } });
    expect(graded.grade).toBe("DIFFICULT");
    expect(graded.dueAt!.getTime()).toBeGreaterThan(before.dueAt!.getTime());

    const supervised = await ok("manager", t.no, { action: "supervise", version: 6, note: "请加快办理并报告进展" });
    expect(supervised).toMatchObject({ supervised: true, version: 7 });
    expect(await db.supervision.count({ where: { ticket: { no: t.no } } })).toBe(1);

    const invalid = await ok("manager", t.no, { action: "invalidate", version: 7, reason: "TEST" });
    expect(invalid).toMatchObject({ status: "INVALID", deadlines: { escalationAt: null } });
    expect(await db.ticket.findUniqueOrThrow({ where: { no: t.no } })).toMatchObject({ invalidReason: "TEST" });
  });

  it("queues the master's notices to the callers merged into it", async () => {
    const master = await newTicket({ phone: "13912340003" });
    const repeat = await newTicket({ phone: "13912340004", title: "再次反映信号灯" });
    await ok("dispatcher", repeat.no, { action: "merge", version: 1, into: master.no });
    // The master's timeline shows the repeat call itself: which ticket, how and when, and the caller's words.
    const merged = await db.ticketEvent.findFirstOrThrow({ where: { ticket: { no: master.no }, type: "DUPLICATE_MERGED" } });
    expect(JSON.parse(merged.payload)).toMatchObject({ from: repeat.no, channel: repeat.channel, content: repeat.content, receivedAt: new Date(String(repeat.receivedAt)).toISOString() });
    await ok("zq1.handler", master.no, { action: "sign", version: 1 });
    await ok("zq1.handler", master.no, { action: "contact", version: 2, note: "电话联系王先生" });
    await ok("zq1.handler", master.no, { action: "reply", version: 3, text: "已调整该路口左转信号配时，早高峰延长 15 秒。" });
    const notices = await db.notification.findMany({ where: { ticket: { no: master.no }, template: "REPLIED" } });
    expect(notices.map((n) => n.recipient).sort()).toEqual(["13912340003", "13912340004"]);
    // Only the master's own caller gets the one-time evaluation link.
    const own = notices.find((n) => n.recipient === "13912340003")!;
    const other = notices.find((n) => n.recipient === "13912340004")!;
    expect(JSON.parse(own.payload).link).toBeTruthy();
    expect(JSON.parse(other.payload).link).toBeUndefined();
  });

  it("merges into a master being merged away at the same moment only so that the repeat's caller follows it", async () => {
    for (let i = 0; i < 8; i++) {
      const [top, master, repeat] = await Promise.all(
        ["13912340031", "13912340032", "13912340033"].map((phone) => newTicket({ phone, title: `同一路口信号灯问题第${i}次` })),
      );
      const [intoMaster] = await Promise.all([
        step("dispatcher", repeat!.no, { action: "merge", version: 1, into: master!.no }),
        step("dispatcher", master!.no, { action: "merge", version: 1, into: top!.no }),
      ]);
      if (intoMaster.status === 400) {
        // The master was merged first: the repeat is sent on to the master's master.
        expect(intoMaster.body.errors).toEqual([{ field: "into", message: `工单 ${master!.no} 已并单或无效，请并入其主工单` }]);
        continue;
      }
      expect(intoMaster.status).toBe(200);
      // Merged first, so the repeat's caller follows the master and is told where it went.
      const told = await db.notification.findMany({ where: { ticket: { no: master!.no }, template: "MERGED", recipient: "13912340033" } });
      expect(told.map((n) => JSON.parse(n.payload).masterNo)).toEqual([top!.no]);
    }
  });
});

/** Valid fields for each action, so the 403 test reaches the permission check. */
const validFields: Record<string, Record<string, unknown>> = {
  contact: { note: "电话联系群众" },
  note: { text: "办理记录" },
  assist: { unit: "SG", note: "请协助调取监控" },
  assistReply: { text: "已调取监控" },
  return: { reason: "不属于本单位职责范围", suggestedUnit: "ZQ3" },
  approveReturn: { unit: "ZQ2" },
  rejectReturn: { reason: "驳回理由" },
  extend: { reason: "需要更多时间办理", workingDays: 2 },
  rejectExtension: { reason: "驳回理由" },
  reply: { text: "已办理完毕，答复群众办理结果。" },
  evaluate: { resolved: true, satisfaction: "SATISFIED" },
  supervise: { note: "督办要求" },
  reopen: { reason: "群众不满意重办" },
  merge: { into: "20260101000001" },
  invalidate: { reason: "TEST" },
  dispatch: { unit: "ZQ2" },
  assign: { handler: "zq2.handler" },
  grade: { grade: "DIFFICULT" },
  closeReview: { note: "不重办的理由" },
};
