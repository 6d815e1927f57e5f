// Citizens' photos: re-encoded without their metadata, stored in the database with their ticket
// (issue 11: every app node reads them; nothing is written under DATA_DIR), and the photo files
// of older versions moved in on start.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as getPhoto } from "@/app/api/v1/tickets/[no]/attachments/[id]/route";
import { db } from "@/lib/db";
import { submitTicket } from "@/lib/dal/intake";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { legacyUploadsDir, moveLegacyPhotos } from "@/lib/uploads/legacy-photos";
import { processPhotos } from "@/lib/uploads/photos";
import { requestAs } from "../support/actors";

async function jpegWithExif(background = "#888"): Promise<Uint8Array> {
  const buffer = await sharp({ create: { width: 40, height: 30, channels: 3, background } })
    .withExif({ IFD0: { ImageDescription: "家门口 GPS 31.2304,121.4737", Make: "PhoneCam" } })
    .jpeg()
    .toBuffer();
  expect((await sharp(buffer).metadata()).exif).toBeDefined();
  return new Uint8Array(buffer);
}

const COMPLAINT = { type: "COMPLAINT", category: "TRAFFIC_ORG", title: "标线不清", content: "花园北路标线磨损严重，夜间看不清。", district: "东城区", phone: "13933334444" };

/** Every path under the data folder but SQLite's own files (on SQLite the database lives there too). */
function filesUnderDataDir(): string[] {
  const dir = env().dataDir;
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => !/^app\.db(-wal|-shm|-journal)?$/.test(name))
    .sort();
}

const photoOf = (no: string, id: string, user = "zq1.handler") =>
  requestAs(user, `/api/v1/tickets/${no}/attachments/${id}`).then((request) => getPhoto(request, { params: Promise.resolve({ no, id }) }));

describe("citizen photos", () => {
  it("are re-encoded under a random name without their metadata", async () => {
    const [photo] = await processPhotos([{ name: "我家门口.jpg", bytes: await jpegWithExif() }]);
    expect(photo!.storedName).toMatch(/^[0-9a-f]{32}\.jpg$/);
    const meta = await sharp(photo!.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(photo!.bytes.includes(Buffer.from("PhoneCam"))).toBe(false);
    expect(meta.width).toBe(40);
    expect(photo!.size).toBe(photo!.bytes.length);
  });

  it("refuses a file that only claims to be an image, and more than three", async () => {
    await expect(processPhotos([{ name: "a.jpg", bytes: new TextEncoder().encode("<svg onload=alert(1)>") }])).rejects.toMatchObject({ status: 400 });
    const jpeg = await jpegWithExif();
    await expect(processPhotos(Array.from({ length: 4 }, (_, i) => ({ name: `${i}.jpg`, bytes: jpeg })))).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: "photos", message: "最多上传 3 张照片" })],
    });
  });

  it("are stored in the database with their ticket, nothing under DATA_DIR, and served from there to those who may read the ticket", async () => {
    const before = filesUnderDataDir();
    const photos = await processPhotos([{ name: "p.jpg", bytes: await jpegWithExif() }]);
    const ticket = await submitTicket(null, COMPLAINT, { channel: "WEB", photos });
    expect(filesUnderDataDir()).toEqual(before);
    expect(existsSync(legacyUploadsDir())).toBe(false);

    const id = ticket.attachments[0]!.id;
    const content = await db.attachmentContent.findUniqueOrThrow({ where: { attachmentId: id } });
    expect(Buffer.from(content.bytes).equals(photos[0]!.bytes)).toBe(true);
    const ok = await photoOf(ticket.no, id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await ok.arrayBuffer()).equals(photos[0]!.bytes)).toBe(true);
    expect((await photoOf(ticket.no, id, "zq2.handler")).status).toBe(404);
  });

  it("are not stored when the ticket is refused", async () => {
    const photos = await processPhotos([{ name: "p.jpg", bytes: await jpegWithExif() }]);
    const count = await db.attachmentContent.count();
    await expect(submitTicket(null, { ...COMPLAINT, district: "不存在区" }, { channel: "WEB", photos })).rejects.toMatchObject({ status: 400 });
    expect(await db.attachmentContent.count()).toBe(count);
  });
});

describe("photo files of older versions", () => {
  it("are moved into the database in batches, each file deleted once its row is in; a missing file is a warning and the rest still move", async () => {
    const ticket = await submitTicket(null, COMPLAINT, { channel: "WEB" });
    const legacy = await Promise.all(["#a00", "#0a0", "#00a"].map((colour) => jpegWithExif(colour)));
    mkdirSync(legacyUploadsDir(), { recursive: true });
    // As an older version stored them: a row naming a file under DATA_DIR/uploads, no content.
    const rows = legacy.map((bytes, i) => ({
      id: newId(),
      ticketId: ticket.id,
      storedName: `${"0".repeat(31)}${i}.jpg`,
      mimeType: "image/jpeg",
      size: bytes.length,
      width: 40,
      height: 30,
    }));
    await db.attachment.createMany({ data: rows });
    writeFileSync(path.join(legacyUploadsDir(), rows[0]!.storedName), legacy[0]!);
    writeFileSync(path.join(legacyUploadsDir(), rows[2]!.storedName), legacy[2]!);
    // rows[1]'s file was lost before the upgrade.
    expect((await photoOf(ticket.no, rows[0]!.id)).status).toBe(404);

    const lines: string[] = [];
    expect(await moveLegacyPhotos((line) => lines.push(line), 1)).toEqual({ moved: 2, missing: 1 });
    expect(lines).toEqual([
      `warning: the photo file ${rows[1]!.storedName} of attachment ${rows[1]!.id} is missing; the attachment stays without content`,
      expect.stringMatching(/^moved 2 photo file\(s\) from .*uploads into the database; 1 missing$/),
    ]);
    expect(readdirSync(legacyUploadsDir())).toEqual([]);
    for (const i of [0, 2]) {
      const response = await photoOf(ticket.no, rows[i]!.id);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(legacy[i]!))).toBe(true);
    }
    expect((await photoOf(ticket.no, rows[1]!.id)).status).toBe(404);

    // The next start finds nothing more to move, and says again which one is missing.
    const again: string[] = [];
    expect(await moveLegacyPhotos((line) => again.push(line))).toEqual({ moved: 0, missing: 1 });
    expect(again[0]).toContain(rows[1]!.id);
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
  it("refuses a pixel flood (a small file declaring 16000×16000) with the limit in Chinese", async () => {
    const flood = pixelFloodPng();
    expect(flood.length).toBeLessThan(100_000);
    await expect(processPhotos([{ name: "flood.png", bytes: flood }])).rejects.toMatchObject({
      status: 400,
      errors: [{ field: "photos", message: "第 1 张照片（flood.png）像素过大（16000×16000），每张最多 4000 万像素，请缩小后再上传" }],
    });
  });

  it("scales stored photos down to a long side of 2048 px, keeping the aspect ratio", async () => {
    const wide = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#36c" } }).jpeg().toBuffer();
    const tall = await sharp({ create: { width: 1000, height: 5000, channels: 3, background: "#c63" } }).png().toBuffer();
    const [a, b] = await processPhotos([
      { name: "wide.jpg", bytes: new Uint8Array(wide) },
      { name: "tall.png", bytes: new Uint8Array(tall) },
    ]);
    expect([a!.width, a!.height]).toEqual([2048, 1536]);
    expect([b!.width, b!.height]).toEqual([410, 2048]);
    const saved = await sharp(b!.bytes).metadata();
    expect([saved.width, saved.height]).toEqual([410, 2048]);
  });
});
