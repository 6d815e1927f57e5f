import { describe, expect, it } from "vitest";
import { isMainlandMobile, maskPhone } from "./phone";

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
});
