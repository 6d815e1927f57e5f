import { describe, expect, it } from "vitest";
import { isMainlandMobile, maskPhone, telHref } from "./phone";

describe("phone numbers", () => {
  it("accepts mainland mobiles only", () => {
    expect(isMainlandMobile("13800000000")).toBe(true);
    expect(isMainlandMobile("19912345678")).toBe(true);
    expect(isMainlandMobile("12800000000")).toBe(false);
    expect(isMainlandMobile("1380000000")).toBe(false);
    expect(isMainlandMobile("010-12345678")).toBe(false);
  });

  it("masks the middle four digits", () => {
    expect(maskPhone("13800000000")).toBe("138****0000");
    expect(maskPhone("123")).toBe("****");
  });

  it("links a full number for one-tap calling, never a masked one", () => {
    expect(telHref("13800000000")).toBe("tel:13800000000");
    expect(telHref("010-1234 5678")).toBe("tel:01012345678");
    expect(telHref("138****0000")).toBeNull();
  });
});
