import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadOfficialCalendar, WorkCalendar } from "./calendar";
import { parseLocalDateTime } from "./local-time";
import {
  computeDeadlines,
  deadlinesOfTicket,
  deadlineState,
  DEFAULT_TIME_LIMIT_POLICIES,
  extendDueAt,
  selectPolicy,
  type TicketType,
  type TimeLimitPolicy,
} from "./time-limits";

const official = JSON.parse(readFileSync(new URL("../../prisma/data/holidays-cn.json", import.meta.url), "utf8"));
const calendar = new WorkCalendar(loadOfficialCalendar(official));

function sh(text: string): Date {
  const instant = parseLocalDateTime(text);
  if (!instant) throw new Error(`bad test time ${text}`);
  return instant;
}

const normal = { urgency: "NORMAL", grade: "NORMAL" } as const;

describe("selectPolicy", () => {
  it.each<[TicketType, string]>([
    ["INQUIRY", "咨询"],
    ["HELP", "求助"],
    ["SUGGESTION", "建议"],
    ["COMPLAINT", "投诉"],
    ["REPORT", "举报"],
    ["PRAISE", "默认"],
  ])("picks the type policy for %s", (type, name) => {
    expect(selectPolicy(DEFAULT_TIME_LIMIT_POLICIES, { type, ...normal }).name).toBe(name);
  });

  it("lets urgency beat the type, and the 疑难 grade beat both", () => {
    expect(selectPolicy(DEFAULT_TIME_LIMIT_POLICIES, { type: "COMPLAINT", urgency: "URGENT", grade: "NORMAL" }).name).toBe("紧急");
    expect(selectPolicy(DEFAULT_TIME_LIMIT_POLICIES, { type: "COMPLAINT", urgency: "NORMAL", grade: "DIFFICULT" }).name).toBe("疑难");
    expect(selectPolicy(DEFAULT_TIME_LIMIT_POLICIES, { type: "INQUIRY", urgency: "URGENT", grade: "DIFFICULT" }).name).toBe("疑难");
    expect(selectPolicy(DEFAULT_TIME_LIMIT_POLICIES, { type: "INQUIRY", urgency: "NORMAL", grade: "COMPLEX" }).name).toBe("咨询");
  });

  it("prefers type+urgency over urgency alone, and the first of equals", () => {
    const urgentComplaint: TimeLimitPolicy = { ...DEFAULT_TIME_LIMIT_POLICIES[1]!, name: "紧急投诉", type: "COMPLAINT" };
    const policies = [...DEFAULT_TIME_LIMIT_POLICIES, urgentComplaint, { ...urgentComplaint, name: "重复" }];
    expect(selectPolicy(policies, { type: "COMPLAINT", urgency: "URGENT", grade: "NORMAL" }).name).toBe("紧急投诉");
    expect(selectPolicy(policies, { type: "REPORT", urgency: "URGENT", grade: "NORMAL" }).name).toBe("紧急");
  });

  it("throws when nothing matches", () => {
    const onlyInquiry = DEFAULT_TIME_LIMIT_POLICIES.filter((p) => p.type === "INQUIRY");
    expect(() => selectPolicy(onlyInquiry, { type: "PRAISE", ...normal })).toThrow(/No time-limit policy/);
  });
});

describe("computeDeadlines", () => {
  const receivedAt = sh("2026-09-30 10:00"); // Wednesday before 国庆
  const dispatchedAt = sh("2026-09-30 10:05");

  it.each<[TicketType, string]>([
    ["INQUIRY", "2026-10-10 10:00"], // 3 wd: 10-08, 10-09, 10-10 (调休 Saturday)
    ["HELP", "2026-10-13 10:00"],
    ["SUGGESTION", "2026-10-13 10:00"],
    ["COMPLAINT", "2026-10-15 10:00"],
    ["REPORT", "2026-10-15 10:00"],
    ["PRAISE", "2026-10-13 10:00"],
  ])("closes a %s ticket at %s", (type, due) => {
    const policy = selectPolicy(DEFAULT_TIME_LIMIT_POLICIES, { type, ...normal });
    expect(computeDeadlines(calendar, policy, { receivedAt, dispatchedAt })).toEqual({
      signDueAt: sh("2026-09-30 11:05"),
      contactDueAt: sh("2026-10-01 10:00"),
      dueAt: sh(due),
    });
  });

  it("uses clock hours for 紧急, even over a holiday", () => {
    const policy = selectPolicy(DEFAULT_TIME_LIMIT_POLICIES, { type: "HELP", urgency: "URGENT", grade: "NORMAL" });
    const at = sh("2026-10-01 20:00");
    expect(computeDeadlines(calendar, policy, { receivedAt: at, dispatchedAt: sh("2026-10-01 20:30") })).toEqual({
      signDueAt: sh("2026-10-01 21:30"),
      contactDueAt: sh("2026-10-01 22:00"),
      dueAt: sh("2026-10-02 20:00"),
    });
  });

  it("gives 疑难 15 working days from receipt", () => {
    const policy = selectPolicy(DEFAULT_TIME_LIMIT_POLICIES, { type: "COMPLAINT", urgency: "NORMAL", grade: "DIFFICULT" });
    // From 9-30 10:00: 10-08 (1), 09, 10 (调休), 12, 13, 14, 15, 16 (8), 19 … 23 (13), 26, 27 (15).
    expect(computeDeadlines(calendar, policy, { receivedAt }).dueAt).toEqual(sh("2026-10-27 10:00"));
  });

  it("has no sign deadline before dispatch", () => {
    const policy = selectPolicy(DEFAULT_TIME_LIMIT_POLICIES, { type: "COMPLAINT", ...normal });
    expect(computeDeadlines(calendar, policy, { receivedAt }).signDueAt).toBeNull();
    expect(computeDeadlines(calendar, policy, { receivedAt, dispatchedAt: null }).signDueAt).toBeNull();
  });
});

describe("extendDueAt", () => {
  it("adds working days after the current deadline", () => {
    expect(extendDueAt(calendar, sh("2026-10-15 10:00"), 7)).toEqual(sh("2026-10-26 10:00"));
    expect(extendDueAt(calendar, sh("2026-10-13 00:00"), 1)).toEqual(sh("2026-10-14 00:00"));
  });

  it("refuses more than 7 working days or non-positive amounts", () => {
    expect(() => extendDueAt(calendar, sh("2026-10-15 10:00"), 8)).toThrow(RangeError);
    expect(() => extendDueAt(calendar, sh("2026-10-15 10:00"), 0)).toThrow(RangeError);
    expect(() => extendDueAt(calendar, sh("2026-10-15 10:00"), 1.5)).toThrow(RangeError);
  });
});

describe("deadlineState", () => {
  const start = sh("2026-11-02 00:00");
  const due = sh("2026-11-02 10:00"); // 10 h span, NEAR from 08:00 exclusive

  it("is OK until less than 20% is left", () => {
    expect(deadlineState(sh("2026-11-02 01:00"), start, due)).toBe("OK");
    expect(deadlineState(sh("2026-11-02 08:00"), start, due)).toBe("OK");
  });

  it("is NEAR inside the last 20%, up to and including the deadline", () => {
    expect(deadlineState(new Date(sh("2026-11-02 08:00").getTime() + 1), start, due)).toBe("NEAR");
    expect(deadlineState(due, start, due)).toBe("NEAR");
  });

  it("is OVERDUE once past the deadline", () => {
    expect(deadlineState(new Date(due.getTime() + 1), start, due)).toBe("OVERDUE");
  });
});

describe("deadlinesOfTicket", () => {
  const deadlines = { signDueAt: new Date(1), contactDueAt: new Date(2), dueAt: new Date(3) };
  it("drops the contact deadline of an anonymous ticket (先联系后答复 exempts it) and keeps the others", () => {
    expect(deadlinesOfTicket(deadlines, true)).toEqual({ signDueAt: new Date(1), contactDueAt: null, dueAt: new Date(3) });
    expect(deadlinesOfTicket(deadlines, false)).toEqual(deadlines);
  });
});
