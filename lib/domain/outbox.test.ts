import { describe, expect, it } from "vitest";
import { afterFailedAttempt, leaseExpiredBefore, mayAttempt, OUTBOX, retryDelayMs } from "./outbox";

const now = new Date("2026-11-30T08:00:00Z");

describe("outbox delivery rules", () => {
  it("backs off exponentially from 30 s and caps the pause at one hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(60 * 60_000);
  });

  it("schedules a retry until the cap, then fails for good", () => {
    expect(afterFailedAttempt(1, now)).toEqual({ status: "PENDING", nextAttemptAt: new Date(now.getTime() + 30_000) });
    expect(afterFailedAttempt(OUTBOX.maxAttempts - 1, now).status).toBe("PENDING");
    expect(afterFailedAttempt(OUTBOX.maxAttempts, now)).toEqual({ status: "FAILED", nextAttemptAt: null });
    expect(mayAttempt(OUTBOX.maxAttempts)).toBe(false);
  });

  it("lets a claim expire after five minutes, not before", () => {
    expect(leaseExpiredBefore(now)).toEqual(new Date(now.getTime() - 5 * 60_000));
  });
});
