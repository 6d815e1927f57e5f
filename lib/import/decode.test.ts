import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeText } from "./decode";

const utf8 = readFileSync(new URL("./fixtures/sample-12345-import.csv", import.meta.url));
const gb18030 = readFileSync(new URL("./fixtures/sample-gb18030.csv", import.meta.url));
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

describe("decodeText", () => {
  it("reads UTF-8 without a BOM", () => {
    const { text, encoding } = decodeText(utf8);
    expect(encoding).toBe("utf-8");
    expect(text.startsWith("工单编号,来源渠道,受理时间")).toBe(true);
  });

  it("strips a UTF-8 BOM and yields the same text", () => {
    const decoded = decodeText(withBom(utf8));
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text).toBe(decodeText(utf8).text);
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("falls back to GB18030 for Excel's Chinese-Windows CSV and yields the same text", () => {
    // The fixture is the sample run through `iconv -f UTF-8 -t GB18030`.
    expect(gb18030.equals(utf8)).toBe(false);
    const decoded = decodeText(gb18030);
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.text).toBe(decodeText(utf8).text);
  });

  it("treats plain ASCII as UTF-8", () => {
    expect(decodeText(new TextEncoder().encode("a,b\r\n1,2"))).toEqual({ text: "a,b\r\n1,2", encoding: "utf-8" });
  });

  it("refuses UTF-16 with advice instead of importing mojibake", () => {
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x65, 0x51]))).toThrow(/UTF-16/);
  });

  it("refuses bytes that are neither UTF-8 nor GB18030", () => {
    expect(() => decodeText(new Uint8Array([0x41, 0xff, 0xff, 0x42]))).toThrow(/无法识别文件编码/);
  });
});
