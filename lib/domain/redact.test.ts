import { describe, expect, it } from "vitest";
import { redactForLog, redactText } from "./redact";

describe("log redaction", () => {
  it("masks mobile numbers in text but leaves ticket numbers alone", () => {
    expect(redactText("来电 13711112222，工单 20261130000001")).toBe("来电 137****2222，工单 20261130000001");
  });

  it("hides the token of an evaluation link", () => {
    expect(redactText("请评价：/evaluate/Ab_c-123456789012345678901234567890")).toBe("请评价：/evaluate/…");
  });

  it("masks phone-named fields in any format, deep inside objects, arrays and errors", () => {
    const error = new Error("gateway refused 13911112222");
    const out = redactForLog({ recipient: "+86 139 1111 2222", rows: [{ citizenPhone: "13911112222" }], err: error }) as Record<string, unknown>;
    expect(out.recipient).toBe("+86****2222");
    expect(out.rows).toEqual([{ citizenPhone: "139****2222" }]);
    expect(out.err).toMatchObject({ type: "Error", message: "gateway refused 139****2222" });
    expect(JSON.stringify(out)).not.toContain("13911112222");
  });
});

describe("recipients in logs", () => {
  it("masks an e-mail recipient like a phone, and masking twice changes nothing", () => {
    expect(redactForLog({ recipient: "zhang.san@example.com" })).toEqual({ recipient: "z***@example.com" });
    expect(redactForLog({ recipient: "z***@example.com" })).toEqual({ recipient: "z***@example.com" });
    expect(redactForLog({ recipient: "137****2222" })).toEqual({ recipient: "137****2222" });
  });
});
