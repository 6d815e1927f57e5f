import { describe, expect, it } from "vitest";
import { limitSubmissionByIp, limitSubmissionByPhone } from "@/lib/rate-limit";

describe("public submission limits", () => {
  it("allows five submissions per phone a day and explains the sixth refusal", async () => {
    for (let i = 0; i < 5; i++) await limitSubmissionByPhone("13944445555");
    await expect(limitSubmissionByPhone("13944445555")).rejects.toMatchObject({
      status: 429,
      message: expect.stringContaining("已达上限"),
    });
    await expect(limitSubmissionByPhone("13944446666")).resolves.toBeUndefined();
  });

  it("limits one address per hour without touching another", async () => {
    for (let i = 0; i < 20; i++) await limitSubmissionByIp("203.0.113.7");
    await expect(limitSubmissionByIp("203.0.113.7")).rejects.toMatchObject({ status: 429, message: expect.stringContaining("分钟后再试") });
    await expect(limitSubmissionByIp("203.0.113.8")).resolves.toBeUndefined();
  });
});
