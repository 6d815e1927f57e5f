import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as getPhoto } from "@/app/api/v1/tickets/[no]/attachments/[id]/route";
import { submitTicket } from "@/lib/dal/intake";
import { storePhotos, uploadsDir } from "@/lib/uploads/photos";
import { requestAs } from "../support/actors";

async function jpegWithExif(): Promise<Uint8Array> {
  const buffer = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#888" } })
    .withExif({ IFD0: { ImageDescription: "家门口 GPS 31.2304,121.4737", Make: "PhoneCam" } })
    .jpeg()
    .toBuffer();
  expect((await sharp(buffer).metadata()).exif).toBeDefined();
  return new Uint8Array(buffer);
}

describe("citizen photos", () => {
  it("are stored under a random name without their metadata", async () => {
    const [stored] = await storePhotos([{ name: "我家门口.jpg", bytes: await jpegWithExif() }]);
    expect(stored!.storedName).toMatch(/^[0-9a-f]{32}\.jpg$/);
    const saved = await readFile(path.join(uploadsDir(), stored!.storedName));
    const meta = await sharp(saved).metadata();
    expect(meta.exif).toBeUndefined();
    expect(saved.includes(Buffer.from("PhoneCam"))).toBe(false);
    expect(meta.width).toBe(40);
  });

  it("refuses a file that only claims to be an image, and more than three", async () => {
    await expect(storePhotos([{ name: "a.jpg", bytes: new TextEncoder().encode("<svg onload=alert(1)>") }])).rejects.toMatchObject({ status: 400 });
    const jpeg = await jpegWithExif();
    await expect(storePhotos(Array.from({ length: 4 }, (_, i) => ({ name: `${i}.jpg`, bytes: jpeg })))).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: "photos", message: "最多上传 3 张照片" })],
    });
  });

  it("are served only to those who may read the ticket", async () => {
    const photos = await storePhotos([{ name: "p.jpg", bytes: await jpegWithExif() }]);
    const ticket = await submitTicket(
      null,
      { type: "COMPLAINT", category: "TRAFFIC_ORG", title: "标线不清", content: "花园北路标线磨损严重，夜间看不清。", district: "东城区", phone: "13933334444" },
      { channel: "WEB", photos },
    );
    const id = ticket.attachments[0]!.id;
    const get = async (user: string) =>
      getPhoto(await requestAs(user, `/api/v1/tickets/${ticket.no}/attachments/${id}`), { params: Promise.resolve({ no: ticket.no, id }) });
    const ok = await get("zq1.handler");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/jpeg");
    expect((await get("zq2.handler")).status).toBe(404);
  });
});
