import "server-only";
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTO_PIXELS,
  MAX_PHOTO_PIXELS_LABEL,
  MAX_PHOTOS,
  MAX_STORED_PHOTO_SIDE,
  photoPixelsAllowed,
  sniffImageType,
} from "@/lib/domain/image-type";
import { Invalid, type FieldError } from "@/lib/errors";

/** A photo ready to be stored with its ticket (lib/dal/intake.ts): its Attachment row's values and its bytes. */
export type ProcessedPhoto = { storedName: string; mimeType: string; size: number; width: number | null; height: number | null; bytes: Buffer };

const photoLabel = (index: number, name: string) => `第 ${index + 1} 张照片（${name || "未命名"}）`;

/** Checks count, size and real type of every photo; all problems at once, in Chinese. */
export function checkPhotos(files: { name: string; bytes: Uint8Array }[]): FieldError[] {
  const errors: FieldError[] = [];
  if (files.length > MAX_PHOTOS) errors.push({ field: "photos", message: `最多上传 ${MAX_PHOTOS} 张照片` });
  files.forEach((file, i) => {
    const label = photoLabel(i, file.name);
    if (file.bytes.length > MAX_PHOTO_BYTES) errors.push({ field: "photos", message: `${label}超过 5 MB，请压缩后再上传` });
    else if (!sniffImageType(file.bytes)) errors.push({ field: "photos", message: `${label}不是 JPEG、PNG 或 WebP 图片` });
  });
  return errors;
}

/**
 * Reads only the header: refuses a pixel flood (a tiny file declaring huge dimensions) before
 * anything is decoded, with the limit in the message.
 */
async function checkPixels(bytes: Uint8Array, label: string, field: string): Promise<void> {
  const { width = 0, height = 0 } = await sharp(bytes).metadata().catch(() => ({ width: 0, height: 0 }));
  if (width && height && !photoPixelsAllowed(width, height)) {
    throw new Invalid([{ field, message: `${label}像素过大（${width}×${height}），每张最多 ${MAX_PHOTO_PIXELS_LABEL}，请缩小后再上传` }]);
  }
}

/**
 * Re-encodes one photo (already checked: sniffImageType knows it) without its metadata (GPS
 * position, camera, time) — a citizen's photo must not reveal where they live, an officer's
 * not where they stood — applying the EXIF orientation first and scaling it down to a long side
 * of MAX_STORED_PHOTO_SIDE. `label` names the photo in messages, `field` is the form's field.
 */
export async function reencodePhoto(bytes: Uint8Array, label: string, field: string): Promise<ProcessedPhoto> {
  const type = sniffImageType(bytes)!;
  await checkPixels(bytes, label, field);
  // limitInputPixels again while decoding: the header check is the message, this the guard.
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS })
    .rotate()
    .resize({ width: MAX_STORED_PHOTO_SIDE, height: MAX_STORED_PHOTO_SIDE, fit: "inside", withoutEnlargement: true })
    .toFormat(type.ext === "jpg" ? "jpeg" : type.ext)
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw new Invalid([{ field, message: `${label}已损坏，无法读取` }]);
    });
  // A random name still: Attachment.storedName is unique, and names the file of a legacy photo.
  const storedName = `${randomBytes(16).toString("hex")}.${type.ext}`;
  return { storedName, mimeType: type.mime, size: data.length, width: info.width, height: info.height, bytes: data };
}

/**
 * Checks and re-encodes a citizen's photos (reencodePhoto). Nothing is written anywhere: the
 * bytes are stored in the database with the ticket, in the same statement (AttachmentContent in
 * prisma/schema.prisma says why).
 */
export async function processPhotos(files: { name: string; bytes: Uint8Array }[]): Promise<ProcessedPhoto[]> {
  const errors = checkPhotos(files);
  if (errors.length) throw new Invalid(errors);
  const processed: ProcessedPhoto[] = [];
  for (const [i, file] of files.entries()) processed.push(await reencodePhoto(file.bytes, photoLabel(i, file.name), "photos"));
  return processed;
}
