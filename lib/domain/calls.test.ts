import { describe, expect, it } from "vitest";
import { callFigures, callTiming, formatCallDuration, parseCallDuration, switchIntervalProblem } from "./calls";

describe("call durations", () => {
  it("reads minutes, minutes:seconds and seconds, and nothing else", () => {
    expect(parseCallDuration("3")).toBe(180);
    expect(parseCallDuration("3分钟")).toBe(180);
    expect(parseCallDuration("2:30")).toBe(150);
    expect(parseCallDuration("2：05")).toBe(125);
    expect(parseCallDuration("45秒")).toBe(45);
    for (const bad of ["", "0", "2:75", "三分钟", "-1", "1.5"]) expect(parseCallDuration(bad)).toBeNull();
    expect(formatCallDuration(150)).toBe("2 分 30 秒");
    expect(formatCallDuration(120)).toBe("2 分");
    expect(formatCallDuration(45)).toBe("45 秒");
    expect(formatCallDuration(338_156)).toBe("93 小时 55 分");
  });

  it("times a call from its start or a typed duration, within a day and four hours", () => {
    const now = new Date("2026-11-30T02:00:00Z");
    expect(callTiming(now, new Date("2026-11-30T01:58:00Z"), undefined)).toEqual({ startedAt: new Date("2026-11-30T01:58:00Z"), endedAt: now, durationSeconds: 120 });
    // A typed duration wins; without a start the call ended now.
    expect(callTiming(now, new Date("2026-11-30T01:00:00Z"), 90)).toMatchObject({ durationSeconds: 90, endedAt: new Date("2026-11-30T01:01:30Z") });
    expect(callTiming(now, undefined, 60)).toEqual({ startedAt: new Date("2026-11-30T01:59:00Z"), endedAt: now, durationSeconds: 60 });
    expect(callTiming(now, undefined, undefined)).toBe("请填写通话时长");
    expect(callTiming(now, new Date("2026-11-29T01:00:00Z"), 60)).toMatch("24 小时");
    expect(callTiming(now, new Date("2026-11-30T03:00:00Z"), undefined)).toMatch("晚于当前时间");
    expect(callTiming(now, new Date("2026-11-29T20:00:00Z"), undefined)).toMatch("不能超过 4 小时");
  });
});

describe("call figures", () => {
  it("gives shares of the calls and 接通率 only from the switch", () => {
    const tally = { calls: 4, answered: 2, ticket: 1, transferred: 0, invalid: 1, seconds: 600 };
    const figures = callFigures(tally, null);
    expect(figures.ticketShare).toEqual({ num: 1, den: 4, rate: 0.25 });
    expect(figures.answeredShare).toEqual({ num: 2, den: 4, rate: 0.5 });
    expect(figures.averageSeconds).toEqual({ num: 600, den: 4, rate: 150 });
    expect(figures.connectRate).toBeNull();
    expect(callFigures(tally, { offered: 0, answered: 0, abandoned: 0 }).connectRate).toBeNull();
    expect(callFigures(tally, { offered: 100, answered: 96, abandoned: 4 }).connectRate).toEqual({ num: 96, den: 100, rate: 0.96 });
    expect(callFigures({ ...tally, calls: 0, answered: 0, ticket: 0, invalid: 0, seconds: 0 }, null).ticketShare.rate).toBeNull();
  });

  it("checks a switch hour", () => {
    const hourAt = new Date("2026-11-30T01:00:00Z");
    expect(switchIntervalProblem({ hourAt, agent: "", offered: 10, answered: 9, abandoned: 1 })).toBeNull();
    expect(switchIntervalProblem({ hourAt: null, agent: "", offered: 10, answered: 9, abandoned: 1 })).toMatch("整点");
    expect(switchIntervalProblem({ hourAt: new Date("2026-11-30T01:30:00Z"), agent: "", offered: 10, answered: 9, abandoned: 1 })).toMatch("整点");
    expect(switchIntervalProblem({ hourAt, agent: "", offered: 10, answered: 9, abandoned: 2 })).toMatch("不能大于呼入量");
    expect(switchIntervalProblem({ hourAt, agent: "", offered: Number.NaN, answered: 0, abandoned: 0 })).toMatch("呼入量");
  });
});
