import { describe, expect, it } from "vitest";
import { normaliseLineEnds } from "./ticket-text";

describe("normaliseLineEnds", () => {
  it("turns CRLF and lone CR into LF and leaves LF alone", () => {
    expect(normaliseLineEnds("第一行\r\n第二行\r第三行\n第四行")).toBe("第一行\n第二行\n第三行\n第四行");
  });
});
