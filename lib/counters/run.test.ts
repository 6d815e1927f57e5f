import { RateLimiterRes } from "rate-limiter-flexible";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { countOrFailOpen } from "./run";

const logged = vi.hoisted(() => ({ error: [] as string[], info: [] as string[] }));
vi.mock("@/lib/logger", () => ({
  logger: {
    error: (_context: unknown, message: string) => logged.error.push(message),
    info: (_context: unknown, message: string) => logged.info.push(message),
    warn: () => {},
  },
}));

const busy = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
const gone = () => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

beforeEach(() => {
  logged.error = [];
  logged.info = [];
});

describe("counting in the database, failing open", () => {
  it("waits out a busy lock instead of failing", async () => {
    let tries = 0;
    const count = async () => {
      if (++tries < 3) throw busy();
      return "counted";
    };
    await expect(countOrFailOpen("test", count, () => "fallback")).resolves.toBe("counted");
    expect(tries).toBe(3);
    expect(logged.error).toEqual([]);
  });

  it("lets a limiter's refusal through as the answer it is", async () => {
    const refusal = new RateLimiterRes(0, 60_000, 21);
    await expect(countOrFailOpen("test", () => Promise.reject(refusal), () => "fallback")).rejects.toBe(refusal);
  });

  it("answers from the fallback while the database is away, logging the outage and its end once", async () => {
    for (let i = 0; i < 3; i++) await expect(countOrFailOpen("test", () => Promise.reject(gone()), () => "fallback")).resolves.toBe("fallback");
    expect(logged.error).toHaveLength(1);
    expect(logged.error[0]).toMatch(/unavailable/);
    await expect(countOrFailOpen("test", async () => "counted", () => "fallback")).resolves.toBe("counted");
    await expect(countOrFailOpen("test", async () => "counted", () => "fallback")).resolves.toBe("counted");
    expect(logged.info).toHaveLength(1);
  });
});
