import { describe, expect, it } from "vitest";
import { contactOf, maskRecipient, normaliseMobile, staffContactOf } from "./contact";

describe("contactOf", () => {
  it("reaches a citizen by SMS, else by e-mail, never an anonymous one", () => {
    expect(contactOf({ citizenPhone: "13900000003", citizenEmail: "a@b.cn", anonymous: false })).toEqual({ channel: "SMS", recipient: "13900000003" });
    expect(contactOf({ citizenPhone: null, citizenEmail: "zhang@example.com", anonymous: false })).toEqual({ channel: "EMAIL", recipient: "zhang@example.com" });
    expect(contactOf({ citizenPhone: null, citizenEmail: null, anonymous: false })).toBeNull();
    expect(contactOf({ citizenPhone: "13900000003", citizenEmail: null, anonymous: true })).toBeNull();
  });
});

describe("staffContactOf", () => {
  it("follows the staff member's choice when its address is there, else any address", () => {
    expect(staffContactOf({ phone: "13600001234", email: "lead@zq1.gov.cn", noticeBy: "EMAIL" })).toEqual({ channel: "EMAIL", recipient: "lead@zq1.gov.cn" });
    expect(staffContactOf({ phone: "13600001234", email: "lead@zq1.gov.cn", noticeBy: "SMS" })).toEqual({ channel: "SMS", recipient: "13600001234" });
    expect(staffContactOf({ phone: "13600001234", email: null, noticeBy: "EMAIL" })).toEqual({ channel: "SMS", recipient: "13600001234" });
    expect(staffContactOf({ phone: null, email: "lead@zq1.gov.cn", noticeBy: "SMS" })).toEqual({ channel: "EMAIL", recipient: "lead@zq1.gov.cn" });
    expect(staffContactOf({ phone: null, email: null, noticeBy: "SMS" })).toBeNull();
  });
});

describe("normaliseMobile", () => {
  it("reads a mobile number however it was written", () => {
    for (const written of ["+86 139-0000-0003", "0086 13900000003", "86-139 0000 0003", " 139 0000 0003 ", "(139)0000-0003", "13900000003"]) {
      expect(normaliseMobile(written)).toBe("13900000003");
    }
  });

  it("leaves anything else for the validator, trimmed", () => {
    expect(normaliseMobile(" 0635-8888123 ")).toBe("0635-8888123");
    expect(normaliseMobile("123")).toBe("123");
  });
});

describe("maskRecipient", () => {
  it("masks phones and e-mail addresses", () => {
    expect(maskRecipient("13900000003")).toBe("139****0003");
    expect(maskRecipient("zhang.san@example.com")).toBe("z***@example.com");
  });
});
