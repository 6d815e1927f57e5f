// Photos are recognised by their bytes, never by their names or the browser's claim.
export type ImageType = { mime: "image/jpeg" | "image/png" | "image/webp"; ext: "jpg" | "png" | "webp" };

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/**
 * Decoded size, not file size, is what costs memory: a 31 KB PNG may declare 16000×16000 pixels
 * (1 GB once decoded). About 40 MP admits every phone camera (a 48 MP sensor saves 12 MP).
 */
export const MAX_PHOTO_PIXELS = 40_000_000;
/** Stored photos are scaled down to this long side: enough to read a sign or a plate. */
export const MAX_STORED_PHOTO_SIDE = 2048;

/** Whether an image of these dimensions may be decoded at all. */
export function photoPixelsAllowed(width: number, height: number): boolean {
  return width > 0 && height > 0 && width * height <= MAX_PHOTO_PIXELS;
}

/** The limit as people read it: "4000 万像素". */
export const MAX_PHOTO_PIXELS_LABEL = `${MAX_PHOTO_PIXELS / 10_000} 万像素`;

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const at = (offset: number, signature: number[]) => signature.every((b, i) => bytes[offset + i] === b);
  if (at(0, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", ext: "jpg" };
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: "image/png", ext: "png" };
  // RIFF....WEBP
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return { mime: "image/webp", ext: "webp" };
  return null;
}
