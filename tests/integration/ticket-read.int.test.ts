// readTicketWithView (lib/dal/ticket-read.ts) reads a ticket's view in four statements; it must
// give exactly what Prisma's include tree (ticketViewInclude) gives, on either engine.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { submitTicket } from "@/lib/dal/intake";
import { readTicketWithView } from "@/lib/dal/ticket-read";
import { ticketViewInclude } from "@/lib/dal/ticket-view";
import { performAction } from "@/lib/dal/workflow/perform";
import { mergeTicket } from "@/lib/dal/workflow/merge";
import { db } from "@/lib/db";
import { processPhotos } from "@/lib/uploads/photos";
import { processStaffFiles } from "@/lib/uploads/staff-files";

const CALL = { type: "COMPLAINT", category: "CONGESTION", title: "路口拥堵", content: "光华路口早高峰拥堵，排队很长。", phone: "13955550001" };

describe("a ticket's view", () => {
  it("is what Prisma's include tree reads: steps with their authors and files, photos, assistance, a master", async () => {
    const dispatcher = await actorOf("dispatcher");
    const handler = await actorOf("zq1.handler");
    const jpeg = new Uint8Array(await sharp({ create: { width: 20, height: 20, channels: 3, background: "#345" } }).jpeg().toBuffer());
    const master = await submitTicket(dispatcher, { ...CALL, district: "东城区" }, { channel: "HOTLINE_12345", photos: await processPhotos([{ name: "现场.jpg", bytes: jpeg }]) });
    await performAction(handler, master.no, { action: "sign", version: master.version });
    await performAction(handler, master.no, { action: "note", version: master.version + 1, text: "已到现场查看" }, await processStaffFiles([{ name: "现场.jpg", bytes: jpeg }], "SCENE"));
    await performAction(handler, master.no, { action: "assist", version: master.version + 2, unit: "ZQ2", note: "请协助调取路口监控" });
    const repeat = await submitTicket(null, { ...CALL, district: "西城区" }, { channel: "WEB" });
    await mergeTicket(dispatcher, repeat.no, { version: repeat.version, into: master.no });

    for (const no of [master.no, repeat.no]) {
      const expected = await db.ticket.findUnique({ where: { no }, include: ticketViewInclude });
      expect(await readTicketWithView(no), no).toEqual(expected);
    }
    const view = await readTicketWithView(master.no);
    expect(view?.events.some((e) => e.attachments.length === 1 && e.actor?.displayName)).toBe(true);
    expect(view?.attachments).toHaveLength(1);
    expect(view?.assistRequests).toHaveLength(1);
    expect((await readTicketWithView(repeat.no))?.mergedInto?.no).toBe(master.no);
    expect(await readTicketWithView("20000101999999")).toBeNull();
  });
});
