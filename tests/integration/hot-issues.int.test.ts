import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import type { Actor } from "@/lib/auth/actor";
import { listHotIssues, reviewHotIssue, type HotIssueItem } from "@/lib/dal/hot-issues";
import { submitTicket } from "@/lib/dal/intake";
import { db } from "@/lib/db";
import { normalisePlace } from "@/lib/domain/duplicates";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";

// The seeded demo data has hot issues of its own; every assertion looks for this file's places.

const DAY_MS = 24 * 60 * 60 * 1000;

const complaint = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "路口信号灯配时不合理",
  content: "早高峰左转信号太短，排队很长，希望调整配时。",
  district: "东城区",
  phone: "13912340001",
};

let dispatcher: Actor;
let manager: Actor;
let zq1Lead: Actor;
let zq2Lead: Actor;
let zq1Handler: Actor;

/** Tickets through the real intake (routed by district: 东城区 → ZQ1, 西城区 → ZQ2). */
async function report(places: string[], fields: Record<string, unknown> = {}) {
  const tickets = [];
  for (const [i, place] of places.entries()) {
    tickets.push(await submitTicket(dispatcher, { ...complaint, place, phone: `1391234${String(1000 + i)}`, ...fields }, { channel: "PHONE_12123" }));
  }
  return tickets;
}

function find(items: HotIssueItem[], place: string, category = "TRAFFIC_ORG"): HotIssueItem | undefined {
  return items.find((i) => i.placeKey === normalisePlace(place) && i.category === category);
}

async function ownOf(actor: Actor, place: string, query: Parameters<typeof listHotIssues>[1] = {}) {
  return find((await listHotIssues(actor, query)).items, place);
}

const errorOf = async (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

beforeAll(async () => {
  dispatcher = await actorOf("dispatcher");
  manager = await actorOf("manager");
  zq1Lead = await actorOf("zq1.lead");
  zq1Handler = await actorOf("zq1.handler");
  const zq2 = await db.unit.findUniqueOrThrow({ where: { code: "ZQ2" } });
  await db.user.create({ data: { username: "zq2.lead.hot", displayName: "二大队领导", passwordHash: "x", role: "LEAD", unitId: zq2.id } });
  zq2Lead = await actorOf("zq2.lead.hot");
});

describe("listHotIssues", () => {
  it("lists three tickets on one place + category, however the place is spelt, with their tickets", async () => {
    const tickets = await report(["集中一路88号附近", "集中一路 88 号", "集中一路88号附近"]);
    const issue = await ownOf(manager, "集中一路88号");
    expect(issue).toBeDefined();
    expect(issue!.place).toBe("集中一路88号附近");
    expect(issue!.ticketCount).toBe(3);
    expect(issue!.tickets.map((t) => t.no)).toEqual(tickets.map((t) => t.no));
    expect(issue!.tickets[0]).toMatchObject({ title: complaint.title, status: "DISPATCHED", ownerUnit: "ZQ1", ownerUnitName: "执勤一大队" });
    expect(issue!.units).toEqual([{ code: "ZQ1", name: "执勤一大队" }]);
    expect(issue!.firstAt).toEqual(tickets[0]!.receivedAt);
    expect(issue!.lastAt).toEqual(tickets[2]!.receivedAt);
    expect(issue!).toMatchObject({ categoryName: "交通组织", review: null, canReview: true });

    // A dispatcher reads every unit too, but does not review.
    expect(await ownOf(dispatcher, "集中一路88号")).toMatchObject({ ticketCount: 3, canReview: false });
  });

  it("does not list two tickets, nor a third of another category, nor merged or invalid ones", async () => {
    await report(["集中二路口", "集中二路"]);
    await report(["集中二路附近"], { category: "CONGESTION", title: "集中二路拥堵" });
    expect(await ownOf(manager, "集中二路")).toBeUndefined();

    const [invalid] = await report(["集中二路"]);
    await db.ticket.update({ where: { id: invalid!.id }, data: { status: "INVALID" } });
    expect(await ownOf(manager, "集中二路")).toBeUndefined();
  });

  it("looks back over the chosen window", async () => {
    const [old] = await report(["集中三路", "集中三路", "集中三路"]);
    await db.ticket.update({ where: { id: old!.id }, data: { receivedAt: new Date(Date.now() - 40 * DAY_MS) } });
    expect(await ownOf(manager, "集中三路")).toBeUndefined();
    expect(await ownOf(manager, "集中三路", { days: 90 })).toMatchObject({ ticketCount: 3 });
  });

  it("sorts unreviewed first, then by ticket count", async () => {
    await report(["集中四路", "集中四路", "集中四路", "集中四路"]);
    const { items } = await listHotIssues(manager);
    const reviewed = items.map((i) => !!i.review);
    expect(reviewed).toEqual([...reviewed].sort((a, b) => Number(a) - Number(b)));
    const open = items.filter((i) => !i.review).map((i) => i.ticketCount);
    expect(open).toEqual([...open].sort((a, b) => b - a));
  });

  it("shows a LEAD only the hot issues of their unit's tickets; managers may filter by unit", async () => {
    await report(["集中五路", "集中五路", "集中五路"], { district: "西城区" });
    expect(await ownOf(zq2Lead, "集中五路")).toMatchObject({ ticketCount: 3, units: [{ code: "ZQ2", name: "执勤二大队" }], canReview: false });
    expect(await ownOf(zq1Lead, "集中五路")).toBeUndefined();
    expect(await ownOf(zq2Lead, "集中一路88号")).toBeUndefined();
    expect(await ownOf(zq1Lead, "集中一路88号")).toMatchObject({ ticketCount: 3 });
    // A LEAD cannot widen the scope with `unit`.
    expect(await ownOf(zq2Lead, "集中一路88号", { unit: "ZQ1" })).toBeUndefined();

    expect(await ownOf(manager, "集中五路", { unit: "ZQ2" })).toBeDefined();
    expect(await ownOf(manager, "集中五路", { unit: "ZQ1" })).toBeUndefined();
    expect(await ownOf(manager, "集中五路", { unit: "NOPE" })).toBeUndefined();
    const zq2Only = await listHotIssues(zq2Lead);
    expect(zq2Only.items.every((i) => i.tickets.every((t) => t.ownerUnit === "ZQ2"))).toBe(true);
  });

  it("refuses handlers and citizens", async () => {
    expect(await errorOf(listHotIssues(zq1Handler))).toBeInstanceOf(Forbidden);
    expect(await errorOf(listHotIssues(await actorOf("13800000000")))).toBeInstanceOf(Forbidden);
    expect(await errorOf(listHotIssues(await actorOf("admin")))).toBeInstanceOf(Forbidden);
  });
});

describe("reviewHotIssue", () => {
  it("stores the review and a NOTE on each ticket without bumping versions; the list shows it reviewed", async () => {
    const tickets = await report(["集中六路", "集中六路", "集中六路"]);
    const issue = (await ownOf(manager, "集中六路"))!;
    const note = "已交一大队会同市政排查信号配时";
    const result = await reviewHotIssue(manager, { placeKey: issue.placeKey, category: issue.category, firstAt: issue.firstAt.toISOString(), note });
    expect(result).toMatchObject({ placeKey: "集中六路", category: "TRAFFIC_ORG", ticketCount: 3, note });

    const row = await db.hotIssue.findUniqueOrThrow({
      where: { placeKey_categoryCode_firstAt: { placeKey: issue.placeKey, categoryCode: "TRAFFIC_ORG", firstAt: issue.firstAt } },
    });
    expect(row).toMatchObject({ ticketCount: 3, lastAt: issue.lastAt, reviewedById: manager.userId, reviewNote: note });
    expect(row.reviewedAt).toBeInstanceOf(Date);

    const events = await db.ticketEvent.findMany({ where: { ticketId: { in: tickets.map((t) => t.id) }, type: "NOTE" } });
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(e.visibility).toBe("INTERNAL");
      expect(e.actorId).toBe(manager.userId);
      expect(JSON.parse(e.payload).text).toBe(`集中反映已研判：${note}`);
    }
    const versions = await db.ticket.findMany({ where: { id: { in: tickets.map((t) => t.id) } }, select: { version: true } });
    expect(versions.map((v) => v.version)).toEqual([1, 1, 1]);

    const reviewed = await ownOf(manager, "集中六路");
    expect(reviewed!.review).toMatchObject({ reviewedBy: manager.displayName, note, ticketCount: 3, newSinceReview: 0 });
    expect(reviewed!.canReview).toBe(false);
    expect(await ownOf(manager, "集中六路", { reviewed: "reviewed" })).toBeDefined();
    expect(await ownOf(manager, "集中六路", { reviewed: "open" })).toBeUndefined();
    // The LEAD sees the manager's review too.
    expect((await ownOf(zq1Lead, "集中六路"))!.review).toMatchObject({ note });

    // A second submit of the same review is refused and writes nothing more.
    expect(await errorOf(reviewHotIssue(manager, { placeKey: issue.placeKey, category: issue.category, firstAt: issue.firstAt, note }))).toBeInstanceOf(
      Conflict,
    );
    expect(await db.ticketEvent.count({ where: { ticketId: { in: tickets.map((t) => t.id) }, type: "NOTE" } })).toBe(3);

    // A new report after the review: shown as new, and the manager may review again.
    await report(["集中六路"]);
    const grown = (await ownOf(manager, "集中六路"))!;
    expect(grown).toMatchObject({ ticketCount: 4, canReview: true });
    expect(grown.review).toMatchObject({ newSinceReview: 1 });
    await reviewHotIssue(manager, { placeKey: grown.placeKey, category: grown.category, firstAt: grown.firstAt, note: "再次研判" });
    expect((await ownOf(manager, "集中六路"))!.review).toMatchObject({ note: "再次研判", ticketCount: 4, newSinceReview: 0 });
    expect(await db.hotIssue.count({ where: { placeKey: "集中六路" } })).toBe(1);
  });

  it("records one of several reviews of the same group submitted at once; the others are refused", async () => {
    const tickets = await report(["集中九路", "集中九路", "集中九路"]);
    const issue = (await ownOf(manager, "集中九路"))!;
    const input = { placeKey: issue.placeKey, category: issue.category, firstAt: issue.firstAt };
    // Concurrent reads first open as many connections on PostgreSQL, so the reviews truly overlap.
    await Promise.all([1, 2, 3, 4].map(() => listHotIssues(manager)));
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => reviewHotIssue(manager, { ...input, note: `第 ${n} 份研判` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []))).toEqual([expect.any(Conflict), expect.any(Conflict), expect.any(Conflict)]);
    expect(await db.hotIssue.count({ where: { placeKey: "集中九路" } })).toBe(1);
    expect(await db.ticketEvent.count({ where: { ticketId: { in: tickets.map((t) => t.id) }, type: "NOTE" } })).toBe(3);
  });

  it("is for managers only", async () => {
    await report(["集中七路", "集中七路", "集中七路"]);
    const issue = (await ownOf(manager, "集中七路"))!;
    const input = { placeKey: issue.placeKey, category: issue.category, firstAt: issue.firstAt, note: "研判意见" };
    for (const actor of [zq1Lead, zq1Handler, dispatcher]) {
      expect(await errorOf(reviewHotIssue(actor, input))).toBeInstanceOf(Forbidden);
    }
    expect(await db.hotIssue.count({ where: { placeKey: "集中七路" } })).toBe(0);
    expect(await db.ticketEvent.count({ where: { ticket: { placeKey: "集中七路" }, type: "NOTE" } })).toBe(0);
  });

  it("refuses an empty or too long note, or a group that is no longer a hot issue, storing nothing", async () => {
    const tickets = await report(["集中八路", "集中八路", "集中八路"]);
    const issue = (await ownOf(manager, "集中八路"))!;
    const input = { placeKey: issue.placeKey, category: issue.category, firstAt: issue.firstAt.toISOString() };

    for (const note of ["", "  ", "好", "长".repeat(501)]) {
      const error = await errorOf(reviewHotIssue(manager, { ...input, note }));
      expect(error).toBeInstanceOf(Invalid);
      const messages = (error as Invalid).errors.filter((e) => e.field === "note").map((e) => e.message);
      expect(messages.join()).toMatch(note.length > 500 ? /不超过 500 个字/ : /请填写研判意见/);
    }
    expect(await errorOf(reviewHotIssue(manager, { ...input, category: "NOPE", note: "研判意见" }))).toBeInstanceOf(Invalid);

    // Another firstAt names another group; one ticket fewer is not a hot issue any more.
    const moved = await errorOf(reviewHotIssue(manager, { ...input, firstAt: new Date(issue.firstAt.getTime() - 1), note: "研判意见" }));
    expect(moved).toBeInstanceOf(Invalid);
    expect((moved as Invalid).message).toBe("该问题已不再构成集中反映");
    await db.ticket.update({ where: { id: tickets[2]!.id }, data: { status: "MERGED" } });
    expect(await errorOf(reviewHotIssue(manager, { ...input, note: "研判意见" }))).toBeInstanceOf(Invalid);

    expect(await db.hotIssue.count({ where: { placeKey: "集中八路" } })).toBe(0);
    expect(await db.ticketEvent.count({ where: { ticketId: { in: tickets.map((t) => t.id) }, type: "NOTE" } })).toBe(0);
  });
});
