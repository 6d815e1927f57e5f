// Issue 13 item 9: the floor's pulse — a change mark of what the user may see, and in-app
// notices (临期, 督办, 协办, 催办, 待派单) — never showing one unit another unit's tickets.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getPulse } from "@/app/api/v1/me/pulse/route";
import { POST as postRead } from "@/app/api/v1/me/notices/read/route";
import type { Actor } from "@/lib/auth/actor";
import { submitTicket } from "@/lib/dal/intake";
import { markNoticesRead, pulse } from "@/lib/dal/pulse";
import { recordTicketOpened, withNewMarks } from "@/lib/dal/ticket-opened";
import { performAction } from "@/lib/dal/workflow/perform";
import { db } from "@/lib/db";
import { CITIZEN_REMINDER } from "@/lib/domain/floor-notices";
import { actorOf, requestAs } from "../support/actors";

const complaint = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "脉搏测试工单",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长，希望调整配时。",
  district: "东城区",
  place: "光岳路与东昌路交叉口",
};

let dispatcher: Actor;
let manager: Actor;
let zq1: Actor;
let zq2: Actor;
let phone = 13912340000;

async function zq1Ticket(title: string) {
  const t = await submitTicket(dispatcher, { ...complaint, title, phone: String(++phone) }, { channel: "PHONE_12123" });
  expect(t.status).toBe("DISPATCHED");
  return t;
}

const kindsFor = async (actor: Actor, no: string) => (await pulse(actor)).notices.filter((n) => n.no === no).map((n) => n.label);

beforeAll(async () => {
  dispatcher = await actorOf("dispatcher");
  manager = await actorOf("manager");
  zq1 = await actorOf("zq1.handler");
  zq2 = await actorOf("zq2.handler");
});

describe("the change mark", () => {
  it("moves with a step on a ticket the user sees, and not with another unit's", async () => {
    const now = new Date();
    const before = { zq1: (await pulse(zq1, now)).mark, zq2: (await pulse(zq2, now)).mark, dispatcher: (await pulse(dispatcher, now)).mark };
    const t = await zq1Ticket("脉搏：派给一大队");
    const after = { zq1: (await pulse(zq1, now)).mark, zq2: (await pulse(zq2, now)).mark, dispatcher: (await pulse(dispatcher, now)).mark };
    expect(after.zq1).not.toBe(before.zq1);
    expect(after.dispatcher).not.toBe(before.dispatcher);
    expect(after.zq2).toBe(before.zq2);

    await performAction(zq1, t.no, { action: "sign", version: t.version });
    expect((await pulse(zq1, now)).mark).not.toBe(after.zq1);
    expect((await pulse(zq2, now)).mark).toBe(before.zq2);
  });

  it("answers 403 to a role that reads no tickets, and the mark and notices to staff", async () => {
    expect((await getPulse(await requestAs("admin", "/api/v1/me/pulse"))).status).toBe(403);
    const response = await getPulse(await requestAs("zq1.handler", "/api/v1/me/pulse"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { mark: string; unread: number; notices: unknown[]; sound: boolean };
    expect(body).toMatchObject({ mark: expect.any(String), unread: expect.any(Number), sound: false });
    expect(Array.isArray(body.notices)).toBe(true);
  });
});

describe("in-app notices", () => {
  it("tells the owner unit about 督办 and 催办, the dispatcher and manager about 催办, and no other unit anything", async () => {
    const t = await zq1Ticket("脉搏：督办与催办");
    const supervised = await performAction(manager, t.no, { action: "supervise", version: t.version, note: "请加快办理并报告进展" });
    expect(supervised.version).toBe(t.version + 1);
    await db.ticketEvent.create({
      data: { id: randomUUID(), ticketId: t.id, type: CITIZEN_REMINDER, visibility: "PUBLIC", payload: "{}" },
    });

    expect((await kindsFor(zq1, t.no)).sort()).toEqual(["催办", "督办"]);
    expect(await kindsFor(dispatcher, t.no)).toEqual(["催办"]);
    expect(await kindsFor(manager, t.no)).toEqual(["催办"]);
    expect(await kindsFor(zq2, t.no)).toEqual([]);
  });

  it("tells the asked unit about a 协办 request, and the owner unit about 临期", async () => {
    const t = await zq1Ticket("脉搏：协办与临期");
    await performAction(zq1, t.no, { action: "sign", version: t.version });
    await performAction(zq1, t.no, { action: "assist", version: t.version + 1, unit: "ZQ2", note: "请协助调取路口监控" });
    expect(await kindsFor(zq2, t.no)).toEqual(["协办"]);
    expect(await kindsFor(zq1, t.no)).toEqual([]);

    // Received 10 h ago, first contact due in 1 h: in the last 20% of the contact clock (the badge's 临期).
    const inOneHour = new Date(Date.now() + 3600_000);
    await db.ticket.update({
      where: { id: t.id },
      data: { receivedAt: new Date(Date.now() - 10 * 3600_000), contactDueAt: inOneHour, escalationAt: inOneHour },
    });
    expect(await kindsFor(zq1, t.no)).toEqual(["临期"]);
    // 协办 asks for help; the deadline stays the owner's.
    expect(await kindsFor(zq2, t.no)).toEqual(["协办"]);
  });

  it("tells dispatchers about a call the rules could not place", async () => {
    // No district, and no road or landmark of the 地名库 in the words.
    const unplaceable = { district: undefined, place: "幸福小区门口", content: "小区门口路口的导向箭头磨损，外地车辆经常走错车道。" };
    const t = await submitTicket(dispatcher, { ...complaint, ...unplaceable, title: "脉搏：待派单", phone: String(++phone) }, { channel: "HOTLINE_12345" });
    expect(t.status).toBe("PENDING");
    expect(await kindsFor(dispatcher, t.no)).toEqual(["待派单"]);
    expect((await pulse(dispatcher)).sound).toBe(true);
    expect(await kindsFor(zq1, t.no)).toEqual([]);
  });

  it("counts unread notices until marked read up to the newest one shown, and never rewinds", async () => {
    const lead = await actorOf("zq1.lead");
    const t = await zq1Ticket("脉搏：已读");
    await performAction(manager, t.no, { action: "supervise", version: t.version, note: "请加快办理并报告进展" });
    const shown = await pulse(lead);
    const notice = shown.notices.find((n) => n.no === t.no)!;
    expect(notice).toMatchObject({ label: "督办", read: false });
    expect(shown.unread).toBeGreaterThan(0);

    await markNoticesRead(lead, shown.notices[0]!.at);
    const read = await pulse(lead);
    expect(read.notices.find((n) => n.no === t.no)).toMatchObject({ read: true });
    expect(read.unread).toBe(read.notices.filter((n) => n.at > shown.notices[0]!.at).length);

    await markNoticesRead(lead, new Date(notice.at.getTime() - 3600_000));
    expect((await pulse(lead)).notices.find((n) => n.no === t.no)).toMatchObject({ read: true });
  });

  it("refuses a read request without a time, in Chinese, and stores nothing", async () => {
    const user = () => db.user.findUniqueOrThrow({ where: { username: "zq2.handler" }, select: { noticesReadAt: true } });
    const before = await user();
    const post = async (body: string) =>
      postRead(await requestAs("zq2.handler", "/api/v1/me/notices/read", { method: "POST", headers: { "content-type": "application/json" }, body }));
    for (const body of ["{}", '{"upTo":"昨天"}', "not json"]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toMatch(/已读到的时间|JSON/);
    }
    expect(await user()).toEqual(before);
    expect((await post(JSON.stringify({ upTo: new Date().toISOString() }))).status).toBe(204);
    expect((await user()).noticesReadAt).not.toBeNull();
    const admin = await postRead(
      await requestAs("admin", "/api/v1/me/notices/read", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ upTo: new Date().toISOString() }) }),
    );
    expect(admin.status).toBe(403);
  });
});

describe("新 until opened", () => {
  it("marks a dispatched ticket new for the unit until each user opens it", async () => {
    const t = await zq1Ticket("脉搏：新工单");
    const lead = await actorOf("zq1.lead");
    const row = { no: t.no, status: t.status };
    expect(await withNewMarks(zq1, [row])).toEqual([{ ...row, isNew: true }]);

    // Another unit cannot record an opening of a ticket it cannot read.
    await recordTicketOpened(zq2, t.no);
    expect(await db.ticketOpened.count({ where: { ticketId: t.id } })).toBe(0);

    await Promise.all([recordTicketOpened(zq1, t.no), recordTicketOpened(zq1, t.no)]);
    await recordTicketOpened(zq1, t.no);
    expect(await db.ticketOpened.count({ where: { ticketId: t.id } })).toBe(1);
    expect(await withNewMarks(zq1, [row])).toEqual([{ ...row, isNew: false }]);
    expect(await withNewMarks(lead, [row])).toEqual([{ ...row, isNew: true }]);

    // Once signed it is work in hand, not news; opening it then writes nothing.
    await performAction(zq1, t.no, { action: "sign", version: t.version });
    expect(await withNewMarks(lead, [{ no: t.no, status: "IN_PROGRESS" as const }])).toMatchObject([{ isNew: false }]);
    await recordTicketOpened(lead, t.no);
    expect(await db.ticketOpened.count({ where: { ticketId: t.id } })).toBe(1);
  });
});
