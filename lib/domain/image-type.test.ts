import { describe, expect, it } from "vitest";
import { MAX_PHOTO_PIXELS_LABEL, photoPixelsAllowed, sniffImageType } from "./image-type";

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);

describe("sniffImageType", () => {
  it("recognises JPEG, PNG and WebP by their signatures", () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))?.mime).toBe("image/jpeg");
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))?.mime).toBe("image/png");
    const webp = new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ");
    expect(sniffImageType(webp)?.mime).toBe("image/webp");
  });

  it("refuses anything else, whatever it is called", () => {
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("GIF89a......"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe("photoPixelsAllowed", () => {
  it("admits up to 40 million pixels, whatever the shape, and nothing empty", () => {
    expect(photoPixelsAllowed(8000, 5000)).toBe(true);
    expect(photoPixelsAllowed(4000, 3000)).toBe(true);
    expect(photoPixelsAllowed(8000, 5001)).toBe(false);
    expect(photoPixelsAllowed(16000, 16000)).toBe(false);
    expect(photoPixelsAllowed(1_000_000, 41)).toBe(false);
    expect(photoPixelsAllowed(0, 100)).toBe(false);
    expect(MAX_PHOTO_PIXELS_LABEL).toBe("4000 万像素");
  });
});
