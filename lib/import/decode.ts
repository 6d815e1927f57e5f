// Text encoding of an uploaded CSV. DOMAIN.md §7 asks for UTF-8, but Excel on Chinese Windows
// saves "CSV (逗号分隔)" in the ANSI code page, i.e. GBK, so both must be accepted.

export type TextEncodingName = "utf-8" | "gb18030";

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Decodes a CSV file's bytes.
 *
 * Why "valid UTF-8 first": UTF-8 is strictly structured (every lead byte 0xC2–0xF4 must be
 * followed by the right number of 0x80–0xBF continuation bytes), and GBK/GB18030 Chinese text
 * breaks that structure within a few characters, so GBK text practically never passes a strict
 * UTF-8 decoder. The reverse test is unreliable: GB18030 accepts most byte pairs from 0x81 up,
 * so UTF-8 Chinese often decodes "successfully" as GB18030 into mojibake. Pure ASCII reads the
 * same either way. GB18030 is a superset of GBK (and of GB2312), so it covers both.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (hasPrefix(bytes, [0xff, 0xfe]) || hasPrefix(bytes, [0xfe, 0xff])) {
    throw new Error("文件是 UTF-16 编码（Excel“Unicode 文本”），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入");
  }
  const body = hasPrefix(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding: "utf-8" };
  } catch {
    // Not UTF-8: fall through to the Chinese Windows code page.
  }
  try {
    return { text: new TextDecoder("gb18030", { fatal: true }).decode(body), encoding: "gb18030" };
  } catch {
    // fatal: a file that is neither would otherwise import replacement characters (�) silently.
    throw new Error("无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入");
  }
}
