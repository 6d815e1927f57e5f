import { describe, expect, it } from "vitest";
import { parseReceipt } from "./sms-receipt";

describe("parseReceipt", () => {
  it("reads the id and state from the receipt text", () => {
    const text = "id:4d2f8a sub:001 dlvrd:001 submit date:2611301200 done date:2611301201 stat:DELIVRD err:000 text:【示例市公安交管】您的";
    expect(parseReceipt(text)).toEqual({ gatewayId: "4d2f8a", state: "DELIVRD", delivered: true });
    expect(parseReceipt("id:77 sub:001 dlvrd:000 stat:UNDELIV err:012")).toEqual({ gatewayId: "77", state: "UNDELIV", delivered: false });
  });

  it("prefers the TLVs, and is null for anything that is no receipt", () => {
    expect(parseReceipt("stat:DELIVRD", { receiptedMessageId: "abc", messageState: 5 })).toEqual({ gatewayId: "abc", state: "UNDELIV", delivered: false });
    expect(parseReceipt("您好，我想咨询一下")).toBeNull();
  });
});
