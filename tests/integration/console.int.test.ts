import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { callerHistory, PENDING_QUEUE_SIZE, pendingQueue, suggestDuplicates } from "@/lib/dal/callers";
import { submitTicket } from "@/lib/dal/intake";
import { dispatchTicket } from "@/lib/dal/workflow/dispatch";
import { mergeTicket } from "@/lib/dal/workflow/merge";
import { db } from "@/lib/db";

const call = {
  type: "COMPLAINT",
  category: "ENFORCEMENT",
  title: "小区门口违停",
  content: "幸福小区门口长期有车辆违法停车，堵住消防通道。",
  district: "南城区",
  place: "柳园南路幸福小区门口",
  phone: "13866667777",
};

describe("hotline agent console", () => {
  it("finds a repeat caller's history and offers the earlier ticket as a duplicate, then merges", async () => {
    const agent = await actorOf("dispatcher");
    const master = await submitTicket(agent, call, { channel: "PHONE_12123" });
    expect((await callerHistory(agent, call.phone)).map((t) => t.no)).toContain(master.no);

    const suggestions = await suggestDuplicates(agent, { phone: call.phone, category: "ENFORCEMENT", place: "柳园南路 幸福小区" });
    expect(suggestions[0]?.no).toBe(master.no);
    expect(suggestions[0]?.reasons).toEqual(expect.arrayContaining(["SAME_CALLER", "SAME_PLACE"]));
    // A different caller at the same (differently written) place is still offered.
    const byPlace = await suggestDuplicates(agent, { phone: "13900001111", category: "ENFORCEMENT", place: "柳园南路幸福小区附近" });
    expect(byPlace.map((s) => s.no)).toContain(master.no);
    expect(await suggestDuplicates(agent, { phone: call.phone, category: "SERVICE" })).toEqual([]);

    const repeat = await submitTicket(agent, { ...call, title: "又来反映违停" }, { channel: "PHONE_12123" });
    await mergeTicket(agent, repeat.no, { version: repeat.version, into: master.no });
    const merged = await db.ticket.findUniqueOrThrow({ where: { no: repeat.no }, include: { mergedInto: true, events: true } });
    expect(merged.status).toBe("MERGED");
    expect(merged.mergedInto?.no).toBe(master.no);
    expect(merged.events.map((e) => e.type)).toContain("MERGED");
    const notice = await db.notification.findFirstOrThrow({ where: { ticketId: merged.id, template: "MERGED" } });
    expect(JSON.parse(notice.payload)).toMatchObject({ masterNo: master.no });
    const masterEvents = await db.ticketEvent.findMany({ where: { ticketId: master.id, type: "DUPLICATE_MERGED" } });
    expect(masterEvents).toHaveLength(1);

    // Merged tickets are never offered again, and a stale version is refused.
    expect((await suggestDuplicates(agent, { phone: call.phone, category: "ENFORCEMENT" })).map((s) => s.no)).not.toContain(repeat.no);
    await expect(mergeTicket(agent, repeat.no, { version: repeat.version, into: master.no })).rejects.toMatchObject({ status: 409 });
  });

  it("dispatches a PENDING ticket by hand, once, and only for dispatchers", async () => {
    const agent = await actorOf("dispatcher");
    // No district and no road the gazetteer knows: routing cannot place it.
    const ticket = await submitTicket(agent, { ...call, district: undefined, place: "幸福小区门口", phone: "13855556666" }, { channel: "HOTLINE_12345" });
    expect(ticket.status).toBe("PENDING");
    // The console lists the oldest PENDING_QUEUE_SIZE and counts them all.
    const queue = await pendingQueue(agent);
    const waiting = await db.ticket.findMany({ where: { status: "PENDING" }, orderBy: { receivedAt: "asc" }, select: { no: true } });
    expect(queue.total).toBe(waiting.length);
    expect(queue.items).toHaveLength(Math.min(waiting.length, PENDING_QUEUE_SIZE));
    if (waiting.length <= PENDING_QUEUE_SIZE) expect(queue.items.map((t) => t.no)).toContain(ticket.no);
    expect(queue.items.every((t) => t.status === "PENDING")).toBe(true);

    await expect(dispatchTicket(await actorOf("zq1.handler"), ticket.no, { version: 1, unit: "ZQ1" })).rejects.toMatchObject({ status: 404 }) // out of scope reads as unknown;
    await expect(dispatchTicket(agent, ticket.no, { version: 1, unit: "WCG" })).rejects.toMatchObject({ status: 400 });
    await dispatchTicket(agent, ticket.no, { version: 1, unit: "ZQ3" });
    const after = await db.ticket.findUniqueOrThrow({ where: { no: ticket.no }, include: { ownerUnit: true } });
    expect(after).toMatchObject({ status: "DISPATCHED", version: 2 });
    expect(after.ownerUnit?.code).toBe("ZQ3");
    expect(after.signDueAt!.getTime() - after.dispatchedAt!.getTime()).toBe(3_600_000);
    await expect(dispatchTicket(agent, ticket.no, { version: 2, unit: "ZQ2" })).rejects.toMatchObject({ status: 409 });
  });

  it("refuses the console to handlers", async () => {
    const handler = await actorOf("zq1.handler");
    await expect(callerHistory(handler, call.phone)).rejects.toMatchObject({ status: 403 });
    await expect(pendingQueue(handler)).rejects.toMatchObject({ status: 403 });
  });
});
