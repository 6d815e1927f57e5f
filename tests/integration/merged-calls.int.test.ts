// 合并来电 (issue 13 item 1): the master ticket shows each merged call with its photos, and the
// photos are authorised as the master is.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { actorOf, requestAs } from "../support/actors";
import { GET as getPhoto } from "@/app/api/v1/tickets/[no]/attachments/[id]/route";
import { submitTicket } from "@/lib/dal/intake";
import { mergedCallsOf } from "@/lib/dal/merged-calls";
import { mergeTicket } from "@/lib/dal/workflow/merge";
import { processPhotos } from "@/lib/uploads/photos";

const CALL = { type: "COMPLAINT", category: "CONGESTION", title: "路口拥堵", content: "光华路口早高峰拥堵。", phone: "13955556666" };
const photoOf = (no: string, id: string, user: string) =>
  requestAs(user, `/api/v1/tickets/${no}/attachments/${id}`).then((request) => getPhoto(request, { params: Promise.resolve({ no, id }) }));

describe("merged calls on the master ticket", () => {
  it("lists each merged call with its words and photos, served under the master's number to its readers only", async () => {
    const dispatcher = await actorOf("dispatcher");
    const master = await submitTicket(dispatcher, { ...CALL, district: "东城区" }, { channel: "HOTLINE_12345" });
    const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#345" } }).jpeg().toBuffer();
    const photos = await processPhotos([{ name: "现场.jpg", bytes: new Uint8Array(jpeg) }]);
    // The repeat call came in elsewhere and was routed to another brigade before the merge.
    const repeat = await submitTicket(null, { ...CALL, district: "西城区", content: "今天早上依然堵了二十多分钟" }, { channel: "WEB", photos });
    expect(repeat.ownerUnit?.code).toBe("ZQ2");
    await mergeTicket(dispatcher, repeat.no, { version: repeat.version, into: master.no });

    const calls = await mergedCallsOf(await actorOf("zq1.handler"), master.no);
    expect(calls).toHaveLength(1);
    const photoId = repeat.attachments[0]!.id;
    expect(calls[0]).toMatchObject({
      no: repeat.no,
      channel: "WEB",
      content: "今天早上依然堵了二十多分钟",
      photos: [{ id: photoId, url: `/api/v1/tickets/${master.no}/attachments/${photoId}` }],
    });

    const served = await photoOf(master.no, photoId, "zq1.handler");
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(photos[0]!.bytes)).toBe(true);
    // Not for those who may not read the master, and not under an unrelated ticket's number.
    expect((await photoOf(master.no, photoId, "sg.handler")).status).toBe(404);
    await expect(mergedCallsOf(await actorOf("sg.handler"), master.no)).rejects.toMatchObject({ status: 404 });
    const unrelated = await submitTicket(dispatcher, { ...CALL, district: "东城区" }, { channel: "HOTLINE_12345" });
    expect((await photoOf(unrelated.no, photoId, "zq1.handler")).status).toBe(404);
  });
});
