import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS, isCommonPassword } from "./common-passwords";

describe("common passwords", () => {
  it("knows the ones guessers try first, Chinese-typical ones included, whatever the case", () => {
    for (const p of ["123456", "12345678", "a123456", "woaini1314", "qq123456", "password1", "11111111", "88888888", "Password1", "QQ123456 "]) {
      expect(isCommonPassword(p), p).toBe(true);
    }
  });

  it("lets an uncommon password through", () => {
    expect(isCommonPassword("Start2026go")).toBe(false);
    expect(isCommonPassword("lanqiao-7-xian")).toBe(false);
  });

  it("is a list of a few hundred lower-case entries", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(200);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
  });
});
