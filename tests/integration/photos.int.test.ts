import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
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
    // Owner-only, like the rest of the data folder.
    expect((await stat(path.join(uploadsDir(), stored!.storedName))).mode & 0o777).toBe(0o600);
    expect((await stat(uploadsDir())).mode & 0o777).toBe(0o700);
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

/** A real, valid PNG of 16000×16000 one-bit pixels: 32 MB of zero rows deflate to about 31 KB. */
function pixelFloodPng(side = 16_000): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const rows = zlib.deflateSync(Buffer.alloc(side * (1 + Math.ceil(side / 8))), { level: 9 });
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", rows), chunk("IEND", Buffer.alloc(0))]),
  );
}

describe("photo dimensions", () => {
  it("refuses a pixel flood (a small file declaring 16000×16000) with the limit in Chinese, storing nothing", async () => {
    const flood = pixelFloodPng();
    expect(flood.length).toBeLessThan(100_000);
    const before = await readdir(uploadsDir()).catch(() => []);
    await expect(storePhotos([{ name: "flood.png", bytes: flood }])).rejects.toMatchObject({
      status: 400,
      errors: [{ field: "photos", message: "第 1 张照片（flood.png）像素过大（16000×16000），每张最多 4000 万像素，请缩小后再上传" }],
    });
    expect(await readdir(uploadsDir()).catch(() => [])).toEqual(before);
  });

  it("scales stored photos down to a long side of 2048 px, keeping the aspect ratio", async () => {
    const wide = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#36c" } }).jpeg().toBuffer();
    const tall = await sharp({ create: { width: 1000, height: 5000, channels: 3, background: "#c63" } }).png().toBuffer();
    const [a, b] = await storePhotos([
      { name: "wide.jpg", bytes: new Uint8Array(wide) },
      { name: "tall.png", bytes: new Uint8Array(tall) },
    ]);
    expect([a!.width, a!.height]).toEqual([2048, 1536]);
    expect([b!.width, b!.height]).toEqual([410, 2048]);
    const saved = await sharp(await readFile(path.join(uploadsDir(), b!.storedName))).metadata();
    expect([saved.width, saved.height]).toEqual([410, 2048]);
  });
});
