// Issue 13 item 2: a signed-in citizen evaluates their own answered ticket from 我的诉求, and both
// 我的诉求 and the tracking page show the citizen their own words, photos, the evaluation given
// and, once closed, the closing time. Photos on the tracking page open by a signed link only.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { GET as trackedPhoto } from "@/app/api/track/attachments/[id]/route";
import type { Actor } from "@/lib/auth/actor";
import { evaluableTicketNos, myTicket } from "@/lib/dal/citizen-ticket";
import { evaluateOwnTicket } from "@/lib/dal/evaluations";
import { submitTicket } from "@/lib/dal/intake";
import { trackTicket } from "@/lib/dal/tracking";
import { performAction } from "@/lib/dal/workflow/perform";
import { db } from "@/lib/db";
import { processPhotos } from "@/lib/uploads/photos";

const CITIZEN = "13800000000";
const CONTENT = "光岳路与东昌路路口早高峰左转信号太短，排队很长。";

let citizen: Actor;
let handler: Actor;
beforeAll(async () => {
  [citizen, handler] = await Promise.all([actorOf(CITIZEN), actorOf("zq1.handler")]);
});

/** The demo citizen's ticket with one photo, answered by ZQ1. */
async function repliedTicket() {
  const jpeg = new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: "#468" } }).jpeg().toBuffer());
  const photos = await processPhotos([{ name: "现场.jpg", bytes: jpeg }]);
  const t = await submitTicket(citizen, { type: "COMPLAINT", category: "TRAFFIC_ORG", title: "左转信号太短", content: CONTENT, district: "东城区", phone: CITIZEN }, { channel: "WEB", photos });
  await performAction(handler, t.no, { action: "sign", version: 1 });
  await performAction(handler, t.no, { action: "contact", version: 2, note: "电话联系", method: "CALL" });
  await performAction(handler, t.no, { action: "reply", version: 3, text: "已调整左转信号配时。" });
  return t.no;
}

describe("the citizen's own ticket", () => {
  it("shows their words and photo, offers 评价 while answered, then shows the evaluation and the closing time", async () => {
    const no = await repliedTicket();
    const before = await myTicket(citizen, no);
    expect(before).toMatchObject({ content: CONTENT, canEvaluate: true, canRemind: false, canSupplement: true, evaluation: null, closedAt: null });
    expect(before.photos).toEqual([{ id: expect.any(String), url: `/api/v1/tickets/${no}/attachments/${before.photos[0]!.id}` }]);
    expect((await evaluableTicketNos(citizen)).has(no)).toBe(true);

    expect(await evaluateOwnTicket(citizen, no, { resolved: "true", satisfaction: "SATISFIED", comment: "调整后好多了" })).toEqual({ no, closed: true });
    await expect(evaluateOwnTicket(citizen, no, { resolved: "true", satisfaction: "SATISFIED" })).rejects.toThrow("该诉求当前不能评价");

    const after = await trackTicket({ no, phone: CITIZEN }, { ip: "203.0.113.90" });
    expect(after).toMatchObject({ status: "CLOSED", content: CONTENT, canEvaluate: false, canRemind: false, canSupplement: false });
    expect(after.closedAt).toBeInstanceOf(Date);
    expect(after.evaluation).toMatchObject({ resolved: true, satisfaction: "SATISFIED", comment: "调整后好多了" });
    expect((await evaluableTicketNos(citizen)).has(no)).toBe(false);
    const row = await db.evaluation.findFirstOrThrow({ where: { ticket: { no } } });
    expect(row).toMatchObject({ source: "LINK", recordedById: citizen.userId });
  });

  it("is nobody else's to read or evaluate", async () => {
    const no = await repliedTicket();
    await expect(myTicket(handler, no)).rejects.toThrow(`工单 ${no} 不存在`);
    await expect(evaluateOwnTicket(handler, no, { resolved: "true", satisfaction: "SATISFIED" })).rejects.toThrow(`工单 ${no} 不存在`);
    expect(await db.evaluation.count({ where: { ticket: { no } } })).toBe(0);
  });

  it("opens a tracked photo by its signed link only", async () => {
    const no = await repliedTicket();
    const tracked = await trackTicket({ no, phone: CITIZEN }, { ip: "203.0.113.90" });
    const [photo] = tracked.photos;
    const open = (url: string) => trackedPhoto(new Request(new URL(url, "http://localhost")), { params: Promise.resolve({ id: photo!.id }) });

    const ok = await open(photo!.url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/jpeg");
    expect((await open(photo!.url.replace(/sig=[^&]+/, "sig=forged"))).status).toBe(404);
    expect((await open(`/api/track/attachments/${photo!.id}`)).status).toBe(404);
  });
});
