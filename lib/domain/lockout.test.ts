import { describe, expect, it } from "vitest";
import {
  ADDRESS_WINDOW_MINUTES,
  FAILURES_PER_ADDRESS,
  FORGET_AFTER_MINUTES,
  FREE_FAILURES_PER_ACCOUNT,
  MAX_DELAY_MINUTES,
  pairAfterFailure,
  pairDelayMs,
  signInWaitMs,
  throttledMessage,
  wrongCredentialsMessage,
  type AddressRecord,
  type PairRecord,
} from "./lockout";

const MINUTE = 60_000;
const t0 = Date.parse("2026-03-02T02:00:00Z");

function fail(times: number, pair?: PairRecord, now = t0): PairRecord {
  let next = pair;
  for (let i = 0; i < times; i++) next = pairAfterFailure(next, now);
  return next!;
}

describe("sign-in throttle per address and account", () => {
  it("gives a few free tries, then a delay that doubles up to the maximum", () => {
    expect(signInWaitMs(fail(FREE_FAILURES_PER_ACCOUNT - 1), undefined, t0)).toBe(0);
    expect(pairDelayMs(FREE_FAILURES_PER_ACCOUNT)).toBe(1 * MINUTE);
    expect(pairDelayMs(FREE_FAILURES_PER_ACCOUNT + 1)).toBe(2 * MINUTE);
    expect(pairDelayMs(FREE_FAILURES_PER_ACCOUNT + 2)).toBe(4 * MINUTE);
    expect(pairDelayMs(FREE_FAILURES_PER_ACCOUNT + 20)).toBe(MAX_DELAY_MINUTES * MINUTE);

    const pair = fail(FREE_FAILURES_PER_ACCOUNT);
    expect(signInWaitMs(pair, undefined, t0)).toBe(MINUTE);
    expect(signInWaitMs(pair, undefined, t0 + 30_000)).toBe(30_000);
    expect(signInWaitMs(pair, undefined, t0 + MINUTE)).toBe(0);
  });

  it("forgets a pair's failures after a quiet day", () => {
    const pair = fail(FREE_FAILURES_PER_ACCOUNT + 3);
    expect(pairAfterFailure(pair, t0 + FORGET_AFTER_MINUTES * MINUTE)).toEqual({ failures: 1, lastFailureAt: t0 + FORGET_AFTER_MINUTES * MINUTE });
  });

  it("caps one address across accounts within a window", () => {
    const below: AddressRecord = { failures: FAILURES_PER_ADDRESS - 1, windowStartedAt: t0 };
    expect(signInWaitMs(undefined, below, t0)).toBe(0);
    const capped: AddressRecord = { failures: FAILURES_PER_ADDRESS, windowStartedAt: t0 };
    expect(signInWaitMs(undefined, capped, t0 + MINUTE)).toBe((ADDRESS_WINDOW_MINUTES - 1) * MINUTE);
    expect(signInWaitMs(undefined, capped, t0 + ADDRESS_WINDOW_MINUTES * MINUTE)).toBe(0);
  });

  it("tells the wait in whole minutes, at least one", () => {
    expect(throttledMessage(1)).toBe("尝试次数过多，请 1 分钟后再试");
    expect(throttledMessage(14 * MINUTE + 1)).toBe("尝试次数过多，请 15 分钟后再试");
  });
});

describe("wrongCredentialsMessage", () => {
  it("counts down the free tries, then names the wait", () => {
    expect(wrongCredentialsMessage(1)).toBe(`用户名或密码错误，还可尝试 ${FREE_FAILURES_PER_ACCOUNT - 1} 次，之后需等待 1 分钟才能再试`);
    expect(wrongCredentialsMessage(FREE_FAILURES_PER_ACCOUNT - 1)).toBe("用户名或密码错误，还可尝试 1 次，之后需等待 1 分钟才能再试");
    expect(wrongCredentialsMessage(FREE_FAILURES_PER_ACCOUNT)).toBe("用户名或密码错误。尝试次数过多，请 1 分钟后再试");
    expect(wrongCredentialsMessage(FREE_FAILURES_PER_ACCOUNT + 1)).toBe("用户名或密码错误。尝试次数过多，请 2 分钟后再试");
    expect(wrongCredentialsMessage(undefined)).toBe("用户名或密码错误");
  });
});
