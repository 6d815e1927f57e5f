// 我的待办, sorting, bulk steps and export of the workbench (issue 13 items 8 and 10).
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { actorOf, requestAs } from "../support/actors";
import { GET as exportList } from "@/app/(staff)/workbench/export/route";
import type { Actor } from "@/lib/auth/actor";
import { submitTicket } from "@/lib/dal/intake";
import { workbenchExport, workbenchQueue } from "@/lib/dal/workbench";
import { bulkAssignOptions, bulkStep } from "@/lib/dal/workbench-bulk";
import { mergeTicket } from "@/lib/dal/workflow/merge";
import { db } from "@/lib/db";
import { myQueueRule, needsMyAction } from "@/lib/domain/my-queue";
import type { TicketStatus } from "@/lib/domain/labels";
import { workbenchQuerySchema, type WorkbenchQuery } from "@/lib/validation/workbench";

const HOUR = 60 * 60 * 1000;
const q = (raw: Record<string, unknown> = {}): WorkbenchQuery => workbenchQuerySchema.parse(raw);
const input = {
  type: "COMPLAINT",
  category: "CONGESTION",
  title: "早高峰拥堵",
  content: "每天早上七点半学校门口车辆排队很长，希望安排警力疏导。",
  district: "东城区",
  place: "育才路小学门口",
  phone: "13912347777",
};

let dispatcher: Actor;
let handler: Actor;
let lead: Actor;
let manager: Actor;

/** A ticket routed to ZQ1 (DISPATCHED) with all its deadlines `hours` from now. */
async function zq1Ticket(title: string, hours: number, extra: Record<string, unknown> = {}) {
  const ticket = await submitTicket(dispatcher, { ...input, title }, { channel: "PHONE_12123" });
  const at = new Date(Date.now() + hours * HOUR);
  return db.ticket.update({ where: { id: ticket.id }, data: { signDueAt: at, contactDueAt: at, dueAt: at, escalationAt: at, ...extra } });
}

beforeAll(async () => {
  dispatcher = await actorOf("dispatcher");
  handler = await actorOf("zq1.handler");
  lead = await actorOf("zq1.lead");
  manager = await actorOf("manager");
});

/** needsMyAction over every not-yet-closed ticket, as the database holds them. */
async function expectedMine(actor: Actor): Promise<Set<string>> {
  const rule = myQueueRule(actor.role)!;
  const tickets = await db.ticket.findMany({
    where: { status: { in: ["PENDING", "DISPATCHED", "IN_PROGRESS", "REPLIED"] } },
    select: {
      no: true, status: true, ownerUnitId: true, returnPending: true, extensionPending: true, awaitingReview: true,
      assistRequests: { where: { status: "OPEN" }, select: { assistingUnitId: true } },
    },
  });
  const allUnits = actor.role === "DISPATCHER" || actor.role === "MANAGER";
  return new Set(
    tickets
      .filter((t) =>
        needsMyAction(rule, {
          status: t.status as TicketStatus,
          inScope: allUnits || t.ownerUnitId === actor.unitId,
          returnPending: t.returnPending,
          extensionPending: t.extensionPending,
          awaitingReview: t.awaitingReview,
          assistRequested: t.assistRequests.some((a) => a.assistingUnitId === actor.unitId),
        }),
      )
      .map((t) => t.no),
  );
}

describe("我的待办", () => {
  it("is every role's landing tab and holds exactly what the rule says, for each role", async () => {
    await zq1Ticket("待签收的新工单", 5);
    // A pending flag always comes with its PENDING request (lib/dal/workflow/effects.ts).
    const returning = await zq1Ticket("退单审核中的工单", 6, { status: "IN_PROGRESS", returnPending: true });
    await db.returnRequest.create({ data: { ticketId: returning.id, fromUnitId: returning.ownerUnitId!, reason: "不属本单位辖区", requestedById: handler.userId } });
    const extending = await zq1Ticket("延期审核中的工单", 7, { status: "IN_PROGRESS", extensionPending: true });
    await db.extensionRequest.create({ data: { ticketId: extending.id, reason: "需协调多个部门", workingDays: 3, requestedById: handler.userId } });
    await zq1Ticket("不满意待决定的工单", 8, { status: "REPLIED", awaitingReview: true, escalationAt: null });
    for (const actor of [dispatcher, handler, lead, manager]) {
      const result = await workbenchQueue(actor, q());
      expect(result.tab, actor.username).toBe("mine");
      expect(result.tabs[0]).toBe("mine");
      const expected = await expectedMine(actor);
      expect(result.counts.mine, actor.username).toBe(expected.size);
      expect(result.total).toBe(expected.size);
      for (const row of result.items) expect(expected.has(row.no), `${actor.username} ${row.no}`).toBe(true);
    }
  });

  it("puts the handler's own assignments first, then the most urgent (overdue first)", async () => {
    const tag = "排序待办测试";
    const later = await zq1Ticket(`${tag}甲`, 48, { handlerId: handler.userId, status: "IN_PROGRESS" });
    const overdue = await zq1Ticket(`${tag}乙`, -2);
    const soon = await zq1Ticket(`${tag}丙`, 3);
    const result = await workbenchQueue(handler, q({ q: tag }));
    expect(result.items.map((r) => r.no)).toEqual([later.no, overdue.no, soon.no]);
    // The dispatcher sees none of them as waiting: they are dispatched.
    expect((await workbenchQueue(dispatcher, q({ q: tag }))).total).toBe(0);
  });

  it("pages an officer's 我的待办 exactly as one sorted list would, though it reads it in parts", async () => {
    // Assigned to the handler or not, signed or not, with a deadline shared by several (ties),
    // and most without one (more than a page of them, so that a part's own order decides which of
    // its rows reach the page), and a ZQ2 ticket ZQ1 is asked to assist on: every part of
    // assignedFirstKeys.
    const tag = "分段读取测试";
    const shared = new Date(Date.now() + 30 * HOUR);
    for (let i = 0; i < 90; i++) {
      await zq1Ticket(`${tag}${i}`, 10 + (i % 7), {
        ...(i % 9 === 0 ? { handlerId: handler.userId } : {}),
        ...(i % 7 === 0 || (i < 16 && i % 3 === 0) ? { status: "IN_PROGRESS" } : {}),
        ...(i >= 16 ? { escalationAt: null } : i % 4 === 0 ? { escalationAt: shared } : {}),
      });
    }
    const [zq1, zq2] = await Promise.all(["ZQ1", "ZQ2"].map((code) => db.unit.findUniqueOrThrow({ where: { code } })));
    const asked = await zq1Ticket(`${tag}协办`, 12, { ownerUnitId: zq2!.id });
    const zq2handler = await actorOf("zq2.handler");
    await db.assistRequest.create({
      data: { ticketId: asked.id, requestingUnitId: zq2!.id, assistingUnitId: zq1!.id, note: "请协助核实现场", createdById: zq2handler.userId },
    });

    for (const query of [{}, { q: tag }, { q: tag, status: "IN_PROGRESS" }]) {
      const { rows } = await workbenchExport(handler, q(query));
      const paged: string[] = [];
      for (let page = 1; paged.length < rows.length && page <= 3; page++) {
        paged.push(...(await workbenchQueue(handler, q({ ...query, page }))).items.map((r) => r.no));
      }
      expect(paged, JSON.stringify(query)).toEqual(rows.slice(0, paged.length).map((r) => r.no));
      expect(paged.length).toBe(Math.min(rows.length, 150));
    }
    // The badge counts the assisted ticket once, beside the unit's own waiting tickets.
    expect((await workbenchQueue(handler, q())).counts.mine).toBe((await expectedMine(handler)).size);
    const first = (await workbenchQueue(handler, q({ q: tag }))).items.map((r) => r.no);
    expect(first).toContain(asked.no);
    expect(first.filter((no) => no === asked.no)).toHaveLength(1);
  });

  it("drops a ticket once it is merged into another", async () => {
    const master = await zq1Ticket("并单主工单", 30);
    const repeat = await zq1Ticket("并单重复来电", 20);
    expect((await workbenchQueue(handler, q({ q: repeat.no }))).items.map((r) => r.no)).toEqual([repeat.no]);
    await mergeTicket(dispatcher, repeat.no, { version: repeat.version, into: master.no });
    expect((await workbenchQueue(handler, q({ q: repeat.no }))).total).toBe(0);
    expect((await workbenchQueue(handler, q({ q: master.no }))).total).toBe(1);
  });
});

describe("sorting", () => {
  it("sorts by a whitelisted column in either direction and refuses others", async () => {
    const asc = await workbenchQueue(handler, q({ tab: "all", sort: "receivedAt", dir: "asc" }));
    const times = asc.items.map((r) => r.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const desc = await workbenchQueue(handler, q({ tab: "all", sort: "no", dir: "desc" }));
    const numbers = desc.items.map((r) => r.no);
    expect(numbers).toEqual([...numbers].sort().reverse());
    expect(workbenchQuerySchema.safeParse({ sort: "citizenPhone" }).success).toBe(false);

    // Statuses in the order a ticket passes through them, not alphabetically by code.
    const tag = "状态排序测试";
    const closed = await zq1Ticket(`${tag}甲`, 5, { status: "CLOSED", escalationAt: null });
    const dispatched = await zq1Ticket(`${tag}乙`, 5);
    const working = await zq1Ticket(`${tag}丙`, 5, { status: "IN_PROGRESS" });
    const byStatus = await workbenchQueue(handler, q({ tab: "all", q: tag, sort: "status", dir: "asc" }));
    expect(byStatus.items.map((r) => r.no)).toEqual([dispatched.no, working.no, closed.no]);
  });
});

describe("bulk steps", () => {
  it("signs each ticket in its own step and reports a stale one in Chinese, the others signed", async () => {
    const a = await zq1Ticket("批量签收一", 10);
    const b = await zq1Ticket("批量签收二", 10);
    const stale = await zq1Ticket("批量签收三", 10);
    const outcomes = await bulkStep(handler, {
      action: "sign",
      tickets: [
        { no: a.no, version: a.version },
        { no: stale.no, version: stale.version + 1 },
        { no: b.no, version: b.version },
      ],
    });
    expect(outcomes).toEqual([
      { no: a.no, ok: true },
      { no: stale.no, ok: false, message: "工单已被他人更新，请刷新后重试" },
      { no: b.no, ok: true },
    ]);
    for (const t of [a, b]) {
      const after = await db.ticket.findUniqueOrThrow({ where: { id: t.id }, include: { events: { where: { type: "SIGNED" } } } });
      expect(after.status).toBe("IN_PROGRESS");
      expect(after.version).toBe(t.version + 1);
      expect(after.events).toHaveLength(1);
    }
    expect((await db.ticket.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("DISPATCHED");
  });

  it("lets a lead assign several tickets to an officer of the unit; a handler may not", async () => {
    const a = await zq1Ticket("批量指派一", 10);
    const b = await zq1Ticket("批量指派二", 10);
    const tickets = [a, b].map((t) => ({ no: t.no, version: t.version }));
    await expect(bulkStep(handler, { action: "assign", tickets, handler: "zq1.handler" })).rejects.toMatchObject({ status: 403 });
    await expect(bulkStep(lead, { action: "assign", tickets })).rejects.toMatchObject({ status: 400 });
    await expect(bulkStep(lead, { action: "assign", tickets: [] })).rejects.toMatchObject({ status: 400 });

    const options = await bulkAssignOptions(lead);
    expect(options!.officers.map((o) => o.username)).toContain("zq1.handler");
    expect(await bulkAssignOptions(handler)).toBeNull();

    const outcomes = await bulkStep(lead, { action: "assign", tickets, handler: "zq1.handler" });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const assigned = await db.ticket.findMany({ where: { id: { in: [a.id, b.id] } }, select: { handlerId: true } });
    expect(assigned.map((t) => t.handlerId)).toEqual([handler.userId, handler.userId]);
    // An officer of another brigade is refused per ticket, in Chinese; nothing is stored.
    const fresh = await db.ticket.findMany({ where: { id: { in: [a.id, b.id] } }, select: { no: true, version: true } });
    const refused = await bulkStep(lead, { action: "assign", tickets: fresh, handler: "zq2.handler" });
    expect(refused.every((o) => !o.ok && o.message.includes("不是本大队或其中队的民警"))).toBe(true);
  });
});

describe("export", () => {
  it("exports the list with its filters and sort as xlsx, for signed-in staff only", async () => {
    const tag = "导出测试工单";
    const first = await zq1Ticket(`${tag}一`, 10);
    const second = await zq1Ticket(`${tag}二`, 5);
    const { rows, capped } = await workbenchExport(handler, q({ q: tag, sort: "no", dir: "asc" }));
    expect(rows.map((r) => r.no)).toEqual([first.no, second.no]);
    expect(capped).toBe(false);

    const response = await exportList(await requestAs("zq1.handler", `/workbench/export?q=${encodeURIComponent(tag)}&sort=no&dir=desc`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet("工单列表")!;
    expect(sheet.getRow(4).getCell(1).value).toBe("工单编号");
    expect([sheet.getRow(5).getCell(1).value, sheet.getRow(6).getCell(1).value]).toEqual([second.no, first.no]);
    expect(sheet.getRow(7).getCell(1).value ?? null).toBeNull();

    // Another unit's officer exports none of ZQ1's tickets; an administrator has no workbench.
    const other = await workbenchExport(await actorOf("zq2.handler"), q({ tab: "all", q: tag }));
    expect(other.rows).toEqual([]);
    expect((await exportList(await requestAs("admin", "/workbench/export"))).status).toBe(403);
    expect((await exportList(await requestAs("zq1.handler", "/workbench/export?sort=phone"))).status).toBe(400);
  });
});
