import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import type { Actor } from "@/lib/auth/actor";
import { submitTicket } from "@/lib/dal/intake";
import { FILTERED_COUNT_CAP, NEAR_WINDOW_MS, workbenchQueue } from "@/lib/dal/workbench";
import { db } from "@/lib/db";
import { workbenchQuerySchema, type WorkbenchQuery } from "@/lib/validation/workbench";

const HOUR = 60 * 60 * 1000;
const OPEN = ["PENDING", "DISPATCHED", "IN_PROGRESS"] as const;
// These tests are about 全部 and the other tabs; 我的待办, the landing tab, has its own file.
const q = (raw: Record<string, unknown> = {}): WorkbenchQuery => workbenchQuerySchema.parse({ tab: "all", ...raw });

const input = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "信号灯配时不合理",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长，希望调整配时。",
  district: "东城区",
  place: "光岳路与东昌路交叉口",
  phone: "13912345678",
};

let dispatcher: Actor;
let handler: Actor;
let lead: Actor;
let zq1Id: string;
let zq2Id: string;

async function ticketIn(unit: "ZQ1" | "ZQ2", escalationInHours: number, extra: Record<string, unknown> = {}, raw: Record<string, unknown> = {}) {
  const ticket = await submitTicket(dispatcher, { ...input, district: unit === "ZQ1" ? "东城区" : "西城区", ...raw }, { channel: "PHONE_12123" });
  expect(ticket.ownerUnitId).toBe(unit === "ZQ1" ? zq1Id : zq2Id);
  const at = new Date(Date.now() + escalationInHours * HOUR);
  return db.ticket.update({ where: { id: ticket.id }, data: { signDueAt: at, contactDueAt: at, dueAt: at, escalationAt: at, ...extra } });
}

beforeAll(async () => {
  dispatcher = await actorOf("dispatcher");
  handler = await actorOf("zq1.handler");
  lead = await actorOf("zq1.lead");
  zq1Id = handler.unitId!;
  zq2Id = (await actorOf("zq2.handler")).unitId!;
});

describe("workbench queue", () => {
  it("counts every tab for zq1.handler as the database does, and lists the unit's tickets only", async () => {
    const overdue = await ticketIn("ZQ1", -3, {}, { title: "超期测试工单", place: "柳园路口" });
    const near = await ticketIn("ZQ1", 2, { status: "IN_PROGRESS", signedAt: new Date() }, { title: "临期测试工单" });
    const later = await ticketIn("ZQ1", 72, {}, { title: "远期测试工单" });
    const zq2 = await ticketIn("ZQ2", -5, {}, { title: "二大队超期工单" });

    const now = new Date();
    const result = await workbenchQueue(handler, q(), now);
    const own = { ownerUnitId: zq1Id };
    const expected = {
      mine: expect.any(Number), // checked in workbench-queue.int.test.ts
      all: await db.ticket.count({ where: own }),
      pending: await db.ticket.count({ where: { ...own, status: "DISPATCHED" } }),
      inProgress: await db.ticket.count({ where: { ...own, status: "IN_PROGRESS" } }),
      near: await db.ticket.count({
        where: { ...own, status: { in: [...OPEN] }, escalationAt: { gte: now, lte: new Date(now.getTime() + NEAR_WINDOW_MS) } },
      }),
      overdue: await db.ticket.count({ where: { ...own, status: { in: [...OPEN] }, escalationAt: { lt: now } } }),
      assist: await db.ticket.count({ where: { assistRequests: { some: { assistingUnitId: zq1Id, status: "OPEN" } } } }),
      approvals: 0,
    };
    expect(result.counts).toEqual(expected);
    expect(result.tabs).toEqual(["mine", "all", "pending", "inProgress", "near", "overdue", "assist"]);
    expect(result.tab).toBe("all");
    expect(result.total).toBe(expected.all);
    expect(result.items.length).toBe(Math.min(50, expected.all));
    expect(new Set(result.items.map((r) => r.ownerUnit))).toEqual(new Set(["ZQ1"]));
    expect(result.items.map((r) => r.no)).not.toContain(zq2.no);

    // Running deadlines first, earliest first; then the rest.
    const esc = result.items.map((r) => r.escalationAt?.getTime() ?? Infinity);
    const firstNull = esc.indexOf(Infinity);
    const running = firstNull === -1 ? esc : esc.slice(0, firstNull);
    expect(running).toEqual([...running].sort((a, b) => a - b));

    const overdueTab = await workbenchQueue(handler, q({ tab: "overdue" }), now);
    expect(overdueTab.total).toBe(expected.overdue);
    const overdueRow = overdueTab.items.find((r) => r.no === overdue.no)!;
    expect(overdueRow).toMatchObject({ deadline: "OVERDUE", ownerUnit: "ZQ1", ownerUnitName: "执勤一大队" });
    expect(overdueTab.items.every((r) => r.escalationAt!.getTime() < now.getTime())).toBe(true);
    expect(overdueTab.items.map((r) => r.no)).not.toContain(zq2.no);

    const nearTab = await workbenchQueue(handler, q({ tab: "near" }), now);
    expect(nearTab.items.map((r) => r.no)).toContain(near.no);
    expect(nearTab.items.map((r) => r.no)).not.toContain(later.no);
    expect(nearTab.items.map((r) => r.no)).not.toContain(overdue.no);

    const inProgress = await workbenchQueue(handler, q({ tab: "inProgress" }), now);
    expect(inProgress.items.every((r) => r.status === "IN_PROGRESS")).toBe(true);
    expect(inProgress.items.map((r) => r.no)).toContain(near.no);
  });

  it("searches by number, phone and text, and filters by status and category", async () => {
    const t = await ticketIn("ZQ1", 10, {}, { title: "独一无二的搜索标题", place: "测试专用地点七号", phone: "13987650001" });
    const other = await ticketIn("ZQ2", 10, {}, { title: "独一无二的搜索标题", phone: "13987650001" });

    for (const term of [t.no, "13987650001", "独一无二", "专用地点七"]) {
      const found = await workbenchQueue(handler, q({ q: term }));
      expect(found.items.map((r) => r.no), term).toEqual([t.no]);
      expect(found.total).toBe(1);
    }
    // Another unit's ticket number finds nothing for this unit; the dispatcher finds it.
    expect((await workbenchQueue(handler, q({ q: other.no }))).total).toBe(0);
    expect((await workbenchQueue(dispatcher, q({ q: other.no }))).items.map((r) => r.no)).toEqual([other.no]);
    // A LIKE wildcard in the search is literal.
    expect((await workbenchQueue(handler, q({ q: "%" }))).total).toBe(0);

    const closed = await workbenchQueue(handler, q({ status: "CLOSED" }));
    expect(closed.items.every((r) => r.status === "CLOSED")).toBe(true);
    // A filtered list is counted up to FILTERED_COUNT_CAP ("1000+"), not through the whole archive.
    const closedCount = await db.ticket.count({ where: { ownerUnitId: zq1Id, status: "CLOSED" } });
    expect(closedCount).toBeGreaterThan(FILTERED_COUNT_CAP);
    expect(closed.total).toBe(FILTERED_COUNT_CAP);
    expect(closed.totalCapped).toBe(true);
    const byCategory = await workbenchQueue(handler, q({ category: "CONGESTION", tab: "pending" }));
    expect(byCategory.items.every((r) => r.category === "CONGESTION" && r.status === "DISPATCHED")).toBe(true);
    // Tab counts describe the queue, not the search.
    expect(byCategory.counts).toEqual((await workbenchQueue(handler, q())).counts);
  });

  it("shows a ticket another unit asked ZQ1 to assist on under 协办请求", async () => {
    const ticket = await ticketIn("ZQ2", 20, {}, { title: "需一大队协办的工单" });
    const zq2handler = await actorOf("zq2.handler");
    const before = (await workbenchQueue(handler, q())).counts.assist;
    await db.assistRequest.create({
      data: { ticketId: ticket.id, requestingUnitId: zq2Id, assistingUnitId: zq1Id, note: "请协助核实现场", createdById: zq2handler.userId },
    });
    const assist = await workbenchQueue(handler, q({ tab: "assist" }));
    expect(assist.counts.assist).toBe(before + 1);
    expect(assist.items.map((r) => r.no)).toContain(ticket.no);
    expect(assist.items.find((r) => r.no === ticket.no)!.ownerUnit).toBe("ZQ2");
    // Not part of ZQ1's own queue, and not in ZQ2's assist tab.
    expect((await workbenchQueue(handler, q({ q: ticket.no }))).total).toBe(0);
    expect((await workbenchQueue(zq2handler, q({ tab: "assist" }))).items.map((r) => r.no)).not.toContain(ticket.no);
  });

  it("lists pending extensions for zq1.lead, and pending returns and extensions for the dispatcher", async () => {
    const mine = await ticketIn("ZQ1", 30, { status: "IN_PROGRESS", signedAt: new Date() }, { title: "申请延期的工单" });
    const theirs = await ticketIn("ZQ2", 30, { status: "IN_PROGRESS", signedAt: new Date() }, { title: "二大队申请延期" });
    const returned = await ticketIn("ZQ1", 30, {}, { title: "申请退单的工单" });
    const before = (await workbenchQueue(lead, q())).counts.approvals;
    for (const t of [mine, theirs]) {
      await db.extensionRequest.create({ data: { ticketId: t.id, reason: "需要协调多个部门", workingDays: 3, requestedById: handler.userId } });
    }
    await db.returnRequest.create({ data: { ticketId: returned.id, fromUnitId: zq1Id, reason: "不属于本单位辖区", requestedById: handler.userId } });

    const leadView = await workbenchQueue(lead, q({ tab: "approvals" }));
    expect(leadView.tabs).toContain("approvals");
    expect(leadView.counts.approvals).toBe(before + 1);
    expect(leadView.items.map((r) => r.no)).toContain(mine.no);
    expect(leadView.items.map((r) => r.no)).not.toContain(theirs.no);
    expect(leadView.items.map((r) => r.no)).not.toContain(returned.no);

    // A handler has no approvals tab; asking for it falls back to the landing tab, 我的待办.
    const handlerView = await workbenchQueue(handler, q({ tab: "approvals" }));
    expect(handlerView.tab).toBe("mine");
    expect(handlerView.tabs).not.toContain("approvals");

    const dispatcherView = await workbenchQueue(dispatcher, q({ tab: "approvals" }));
    const nos = dispatcherView.items.map((r) => r.no);
    expect(nos).toEqual(expect.arrayContaining([mine.no, theirs.no, returned.no]));
    const pendingIds = new Set([
      ...(await db.extensionRequest.findMany({ where: { status: "PENDING" } })).map((r) => r.ticketId),
      ...(await db.returnRequest.findMany({ where: { status: "PENDING" } })).map((r) => r.ticketId),
    ]);
    expect(dispatcherView.counts.approvals).toBe(pendingIds.size);
    expect(dispatcherView.tabs).not.toContain("assist");

    // The dispatcher's unit filter narrows to one owner unit.
    const zq2Only = await workbenchQueue(dispatcher, q({ tab: "approvals", unit: "ZQ2" }));
    expect(zq2Only.items.map((r) => r.no)).toContain(theirs.no);
    expect(zq2Only.items.every((r) => r.ownerUnit === "ZQ2")).toBe(true);
    expect(zq2Only.unit).toEqual({ code: "ZQ2", name: "执勤二大队" });
  });

  it("lists a search in 全部 newest first across pages, and in a deadline tab earliest deadline first", async () => {
    // 65 matching tickets of ZQ1, in creation order: 35 with a running deadline (five distinct
    // times, so each time is shared by seven), then 30 closed. In 全部 a search lists newest first
    // (it reads along the unit's receipt index and stops at its page); 待签收 keeps its deadline order.
    const tickets: Awaited<ReturnType<typeof submitTicket>>[] = [];
    for (let i = 0; i < 65; i++) tickets.push(await submitTicket(dispatcher, { ...input, title: `排序分页测试 Lane-QX ${i}` }, { channel: "PHONE_12123" }));
    const base = Date.now() + 5 * HOUR;
    for (let slot = 0; slot < 5; slot++) {
      const ids = tickets.slice(0, 35).filter((_, i) => i % 5 === slot).map((t) => t.id);
      await db.ticket.updateMany({ where: { id: { in: ids } }, data: { escalationAt: new Date(base + slot * HOUR) } });
    }
    const closedIds = tickets.slice(35).map((t) => t.id);
    await db.ticket.updateMany({ where: { id: { in: closedIds } }, data: { status: "CLOSED", escalationAt: null } });

    const order = [...Array(65).keys()].map((i) => tickets[64 - i]!.no);
    const byDeadline = [...Array(35).keys()].sort((a, b) => a % 5 - b % 5 || b - a).map((i) => tickets[i]!.no);
    const page1 = await workbenchQueue(handler, q({ q: "排序分页测试" }));
    const page2 = await workbenchQueue(handler, q({ q: "排序分页测试", page: 2 }));
    expect(page1.total).toBe(65);
    expect(page2.total).toBe(65);
    expect(page1.items.map((r) => r.no)).toEqual(order.slice(0, 50));
    expect(page2.items.map((r) => r.no)).toEqual(order.slice(50));
    expect(page2.items.at(-1)).toMatchObject({ status: "DISPATCHED", escalationAt: new Date(base), supervised: false, ownerUnit: "ZQ1" });

    // Latin letters match either case; filters combine with the search.
    expect((await workbenchQueue(handler, q({ q: "lane-qx" }))).total).toBe(65);
    const closed = await workbenchQueue(handler, q({ q: "排序分页测试", status: "CLOSED" }));
    expect(closed.total).toBe(30);
    expect(closed.items.map((r) => r.no)).toEqual(order.slice(0, 30));
    const pending = await workbenchQueue(handler, q({ q: "排序分页测试", tab: "pending" }));
    expect(pending.items.map((r) => r.no)).toEqual(byDeadline);
  });

  it("shows a squadron the tickets of its brigade recorded for it", async () => {
    const squadron = await db.unit.findUniqueOrThrow({ where: { code: "ZQ1-1" } });
    await db.user.create({ data: { username: "zq1-1.handler.wb", displayName: "一中队 民警", passwordHash: "x", role: "HANDLER", unitId: squadron.id } });
    const squad = await actorOf("zq1-1.handler.wb");
    const assigned = await ticketIn("ZQ1", 5, { squadronUnitId: squadron.id }, { title: "一中队承办工单" });
    const brigadeOnly = await ticketIn("ZQ1", 5, {}, { title: "一大队自办工单" });

    const view = await workbenchQueue(squad, q());
    expect(view.counts.all).toBe(await db.ticket.count({ where: { OR: [{ ownerUnitId: squadron.id }, { squadronUnitId: squadron.id }] } }));
    expect(view.items.map((r) => r.no)).toContain(assigned.no);
    expect(view.items.map((r) => r.no)).not.toContain(brigadeOnly.no);
  });

  it("pages the 全部 tab across running deadlines and the rest without gaps or repeats", async () => {
    const all = await workbenchQueue(dispatcher, q());
    expect(all.total).toBe(await db.ticket.count());
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 50); page++) {
      seen.push(...(await workbenchQueue(dispatcher, q({ page }))).items.map((r) => r.no));
    }
    expect(seen.length).toBe(all.total);
    expect(new Set(seen).size).toBe(all.total);
  });
});
