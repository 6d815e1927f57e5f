// Staff attachments (issue 13 item 17): photos and documents on notes, assistance replies and
// replies, stored with the step's event; citizens reach those of public steps only.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as getAttachment } from "@/app/api/v1/tickets/[no]/attachments/[id]/route";
import { db } from "@/lib/db";
import { GET as getTracked } from "@/app/api/track/attachments/[id]/route";
import { readAttachment, trackingAttachmentUrl } from "@/lib/dal/attachments";
import { trackTicket } from "@/lib/dal/tracking";
import { submitTicket } from "@/lib/dal/intake";
import { getTicket } from "@/lib/dal/tickets";
import { performAction } from "@/lib/dal/workflow/perform";
import type { Invalid } from "@/lib/errors";
import { processStaffFiles } from "@/lib/uploads/staff-files";
import { actorOf, requestAs } from "../support/actors";

const COMPLAINT = { type: "COMPLAINT", category: "TRAFFIC_ORG", title: "护栏损坏", content: "花园北路中央护栏被撞坏，行人横穿危险。", district: "东城区", phone: "13800000000" };

const pdf = { name: "整改报告.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF") };
async function photo(name: string) {
  const buffer = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#4a4" } }).jpeg().toBuffer();
  return { name, bytes: new Uint8Array(buffer) };
}

async function inProgressTicketOfCitizen() {
  const citizen = await actorOf("13800000000");
  const handler = await actorOf("zq1.handler");
  const t = await submitTicket(citizen, COMPLAINT, { channel: "WEB" });
  let v = (await performAction(handler, t.no, { action: "sign", version: t.version })).version;
  v = (await performAction(handler, t.no, { action: "contact", version: v, method: "CALL", note: "已电话联系群众，约定现场查看" })).version;
  return { no: t.no, version: v, citizen, handler };
}

describe("staff attachments", () => {
  it("stores a note's and a reply's files with their steps; the citizen reaches the reply's only", async () => {
    const { no, version, citizen, handler } = await inProgressTicketOfCitizen();
    const noteFiles = await processStaffFiles([await photo("现场.jpg"), pdf], "SCENE");
    const v = (await performAction(handler, no, { action: "note", version, text: "已到现场查看，护栏三处断裂" }, noteFiles)).version;
    const replyFiles = await processStaffFiles([await photo("整改后.jpg")], "AFTER");
    await performAction(handler, no, { action: "reply", version: v, text: "护栏已于今日修复完毕，请您监督。" }, replyFiles);

    const staffView = await getTicket(handler, no);
    const note = staffView.events.find((e) => e.type === "NOTE")!;
    expect(note.attachments.map((a) => [a.photo, a.label, a.name])).toEqual([
      [true, "现场", "现场.jpg"],
      [false, null, "整改报告.pdf"],
    ]);
    const reply = staffView.events.find((e) => e.type === "REPLIED")!;
    expect(reply.attachments.map((a) => a.label)).toEqual(["整改后"]);
    // Staff attachments are not the citizen's own photos.
    expect(staffView.photos).toEqual([]);

    const citizenView = await getTicket(citizen, no);
    expect(citizenView.events.flatMap((e) => e.attachments.map((a) => a.label))).toEqual(["整改后"]);
    await expect(readAttachment(citizen, no, reply.attachments[0]!.id)).resolves.toMatchObject({ mimeType: "image/jpeg" });
    await expect(readAttachment(citizen, no, note.attachments[1]!.id)).rejects.toMatchObject({ status: 404 });

    // A document downloads under its own name, exactly as it was attached.
    const id = note.attachments[1]!.id;
    const response = await getAttachment(await requestAs("zq1.handler", `/api/v1/tickets/${no}/attachments/${id}`), { params: Promise.resolve({ no, id }) });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("整改报告.pdf")}`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf.bytes);

    // /track has no session: the look-up gives signed links to the public step's files only.
    const tracked = await trackTicket({ no, phone: "13800000000" }, { ip: "203.0.113.7" });
    const links = tracked.events.flatMap((e) => e.attachments.map((a) => a.url));
    expect(links).toHaveLength(1);
    const open = (url: string) => {
      const id = decodeURIComponent(new URL(url, "http://localhost").pathname.split("/").pop()!);
      return getTracked(new Request(new URL(url, "http://localhost")), { params: Promise.resolve({ id }) });
    };
    expect((await open(links[0]!)).headers.get("content-type")).toBe("image/jpeg");
    expect((await open(links[0]!.replace(/sig=[^&]+/, "sig=forged"))).status).toBe(404);
    // Even a correctly signed link does not open an internal step's file.
    expect((await open(await trackingAttachmentUrl(note.attachments[1]!.id))).status).toBe(404);
  });

  it("refuses a file that is neither photo nor document, and files on other steps, storing nothing", async () => {
    const { no, version, handler } = await inProgressTicketOfCitizen();
    const fake = { name: "报告.pdf", bytes: new TextEncoder().encode("MZ\x90\x00 not a pdf") };
    const wrong = await processStaffFiles([fake], undefined).catch((e: unknown) => e);
    expect((wrong as Invalid).errors).toEqual([
      { field: "attachments", message: "第 1 个附件（报告.pdf）不是照片（JPEG、PNG、WebP）或文档（PDF、Word .docx、Excel .xlsx）" },
    ]);
    const unlabelled = await processStaffFiles([await photo("a.jpg")], "").catch((e: unknown) => e);
    expect((unlabelled as Invalid).errors[0]!.message).toBe("请选择照片类型：现场、整改前、整改后");

    const files = await processStaffFiles([pdf], undefined);
    const onExtend = await performAction(handler, no, { action: "extend", version, reason: "需协调市政部门更换护栏", workingDays: 3 }, files).catch((e: unknown) => e);
    expect((onExtend as Invalid).errors[0]!.message).toBe("只有办理记录、协办反馈和答复可以附加照片或文件");
    expect(await db.attachment.count({ where: { ticket: { no } } })).toBe(0);
    expect((await getTicket(handler, no)).version).toBe(version);
  });
});
