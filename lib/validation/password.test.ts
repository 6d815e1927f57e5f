import { describe, expect, it } from "vitest";
import { citizenRegistrationSchema } from "./citizen";
import { resetPasswordSchema } from "./admin";
import { passwordSchema } from "./password";

const messages = (value: unknown) => {
  const result = passwordSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("password rule", () => {
  it("refuses common passwords with a Chinese message, though they have letters and digits", () => {
    for (const p of ["password1", "a123456789", "woaini1314", "qq123456", "Passw0rd", "1qaz2wsx"]) {
      expect(messages(p), p).toEqual(["这个密码太常见，很容易被猜中，请换一个不常见的密码"]);
    }
  });

  it("refuses short or single-kind passwords", () => {
    expect(messages("ab12cd3")).toContain("密码至少 8 位");
    expect(messages("12345678")).toContain("密码需同时包含字母和数字");
    expect(messages("x".repeat(60) + "12345")).toContain("密码不超过 64 位");
  });

  it("accepts an uncommon password", () => {
    expect(messages("Start2026go")).toEqual([]);
  });

  it("is the rule of citizen registration and of an administrator's reset alike", () => {
    expect(citizenRegistrationSchema.safeParse({ phone: "13912345678", password: "password1", confirm: "password1" }).success).toBe(false);
    expect(resetPasswordSchema.safeParse({ password: "password1" }).success).toBe(false);
    expect(citizenRegistrationSchema.safeParse({ phone: "13912345678", password: "Start2026go", confirm: "Start2026go" }).success).toBe(true);
  });
});
