// Issue 13 item 3: 催办 and 补充 by the citizen on their own open ticket, from 我的诉求 (signed
// in) and from tracking (number + phone). Refusals store nothing.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { db } from "@/lib/db";
import { remindTicket, supplementTicket } from "@/lib/dal/follow-ups";
import { submitTicket } from "@/lib/dal/intake";
import { getTicket } from "@/lib/dal/tickets";
import { describeEvent } from "@/lib/domain/event-text";
import { processPhotos } from "@/lib/uploads/photos";

const CITIZEN = "13800000000";
const IP = "203.0.113.77";

async function citizensTicket() {
  return submitTicket(
    await actorOf(CITIZEN),
    { type: "COMPLAINT", category: "TRAFFIC_ORG", title: "路口排队太长", content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。", district: "东城区", phone: CITIZEN },
    { channel: "WEB" },
  );
}

const eventsOf = (no: string, type: string) => db.ticketEvent.findMany({ where: { ticket: { no }, type } });

describe("催办", () => {
  it("records one reminder a day, shown to the owner unit, and refuses a second the same day", async () => {
    const t = await citizensTicket();
    const by = { actor: await actorOf(CITIZEN), no: t.no };
    const morning = new Date("2026-11-30T01:00:00Z"); // 09:00 in Shanghai

    await remindTicket(by, morning);
    await expect(remindTicket(by, new Date("2026-11-30T12:00:00Z"))).rejects.toThrow("今天已催办过该诉求");
    expect(await eventsOf(t.no, "CITIZEN_REMINDER")).toHaveLength(1);

    const staffView = await getTicket(await actorOf("zq1.handler"), t.no);
    const reminder = staffView.events.find((e) => e.type === "CITIZEN_REMINDER");
    expect(reminder && describeEvent(reminder.type, reminder.payload)).toBe("反映人催办，请承办单位尽快办理");

    // The next local day, another one.
    await remindTicket(by, new Date("2026-12-01T01:00:00Z"));
    expect(await eventsOf(t.no, "CITIZEN_REMINDER")).toHaveLength(2);
  });

  it("works from tracking with the ticket's phone and refuses a wrong one as not found", async () => {
    const t = await citizensTicket();
    await expect(remindTicket({ tracking: { no: t.no, phone: "13911112222" }, ip: IP })).rejects.toThrow("未找到该诉求");
    expect(await eventsOf(t.no, "CITIZEN_REMINDER")).toHaveLength(0);
    await remindTicket({ tracking: { no: t.no, phone: CITIZEN }, ip: IP });
    const [event] = await eventsOf(t.no, "CITIZEN_REMINDER");
    expect(event).toMatchObject({ visibility: "PUBLIC", actorId: null });
    expect(JSON.parse(event!.payload)).toEqual({ source: "TRACK" });
  });

  it("is refused to anyone but the citizen who submitted it, and on closed or answered tickets", async () => {
    const t = await citizensTicket();
    await expect(remindTicket({ actor: await actorOf("zq1.handler"), no: t.no })).rejects.toThrow(`工单 ${t.no} 不存在`);
    const by = { actor: await actorOf(CITIZEN), no: t.no };
    await db.ticket.update({ where: { no: t.no }, data: { status: "REPLIED" } });
    await expect(remindTicket(by)).rejects.toThrow("该诉求已答复，无需催办");
    await db.ticket.update({ where: { no: t.no }, data: { status: "CLOSED" } });
    await expect(remindTicket(by)).rejects.toThrow("该诉求已办结，不能再催办");
    expect(await eventsOf(t.no, "CITIZEN_REMINDER")).toHaveLength(0);
  });
});

describe("补充", () => {
  it("stores the words and photos as one CITIZEN_UPDATE, the photos like intake's, and tells the unit's leads", async () => {
    const t = await citizensTicket();
    const jpeg = new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: "#468" } }).jpeg().toBuffer());
    const photos = await processPhotos([{ name: "现场.jpg", bytes: jpeg }]);
    await db.user.update({ where: { username: "zq1.lead" }, data: { phone: "13600001234" } });

    await supplementTicket({ actor: await actorOf(CITIZEN), no: t.no }, { text: "今天早上\r\n依然堵了二十多分钟" }, photos);

    const [event] = await eventsOf(t.no, "CITIZEN_UPDATE");
    expect(JSON.parse(event!.payload)).toEqual({ text: "今天早上\n依然堵了二十多分钟", source: "MY", photos: 1 });
    const citizenView = await getTicket(await actorOf(CITIZEN), t.no);
    expect(citizenView.photos).toHaveLength(1);
    expect(await db.attachmentContent.count({ where: { attachment: { ticket: { no: t.no } } } })).toBe(1);
    expect(citizenView.events.find((e) => e.type === "CITIZEN_UPDATE")?.payload).toEqual({ text: "今天早上\n依然堵了二十多分钟", photos: 1 });
    const notice = await db.notification.findFirstOrThrow({ where: { ticket: { no: t.no }, template: "FOLLOW_UP" } });
    expect(notice).toMatchObject({ channel: "SMS", recipient: "13600001234" });
  });

  it("refuses an empty follow-up, one on a closed ticket, and a wrong phone, storing nothing", async () => {
    const t = await citizensTicket();
    const by = { tracking: { no: t.no, phone: CITIZEN }, ip: IP };
    await expect(supplementTicket(by, { text: "   " }, [])).rejects.toMatchObject({ errors: [{ field: "text", message: "请填写补充内容或选择照片" }] });
    await expect(supplementTicket({ ...by, tracking: { no: t.no, phone: "13911112222" } }, { text: "补充" }, [])).rejects.toThrow("未找到该诉求");
    await db.ticket.update({ where: { no: t.no }, data: { status: "CLOSED" } });
    await expect(supplementTicket(by, { text: "还有一点" }, [])).rejects.toThrow("该诉求已办结，不能再补充");
    expect(await eventsOf(t.no, "CITIZEN_UPDATE")).toHaveLength(0);
  });
});
