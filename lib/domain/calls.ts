// 话务 (issue 16): the calls a hotline centre takes and the figures it reports by them — calls,
// 当场解答, 转工单 and its share, average handling time, and 接通率 when the switch reports it.
// Pure: the data layer sums, these rules say what the sums mean.

import type { Rate } from "./metrics";

/** The lines a call comes in on; each is also the channel of a ticket the call turns into. */
export const CALL_CHANNELS = ["PHONE_12123", "HOTLINE_12345", "PHONE"] as const;
export type CallChannel = (typeof CALL_CHANNELS)[number];
export const CALL_CHANNEL_LABELS: Record<CallChannel, string> = {
  PHONE_12123: "12123 语音",
  HOTLINE_12345: "12345 转接",
  PHONE: "来电",
};

export const CALL_OUTCOMES = ["ANSWERED", "TICKET", "TRANSFERRED", "INVALID"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  ANSWERED: "当场解答",
  TICKET: "转工单",
  TRANSFERRED: "转接其他部门",
  INVALID: "无效/骚扰来电",
};

/** A call longer than this was not typed right (a shift is 12 hours; no call lasts 4). */
export const MAX_CALL_SECONDS = 4 * 3600;
/** A call's start may be typed this far back (an agent logging the last call of the night shift). */
export const MAX_CALL_AGE_MS = 24 * 3_600_000;

/**
 * A typed handling time: "3" (minutes), "2:30" (minutes:seconds) or "45秒". Null for anything
 * else, or for no time at all.
 */
export function parseCallDuration(text: string): number | null {
  const t = text.trim();
  const minutes = /^(\d{1,3})(?:分钟?)?$/.exec(t);
  if (minutes) return Number(minutes[1]) * 60 || null;
  const clock = /^(\d{1,3})[:：](\d{2})$/.exec(t);
  if (clock && Number(clock[2]) < 60) return Number(clock[1]) * 60 + Number(clock[2]) || null;
  const seconds = /^(\d{1,5})秒$/.exec(t);
  if (seconds) return Number(seconds[1]) || null;
  return null;
}

/** "2 分 30 秒", "45 秒"; a day's total in hours and minutes: "93 小时 58 分". */
export function formatCallDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} 秒`;
  if (s >= 3600) return `${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`;
  return s % 60 === 0 ? `${s / 60} 分` : `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
}

/** What the call log counts in a period (or for one agent, one day). */
export type CallTally = {
  calls: number;
  answered: number;
  ticket: number;
  transferred: number;
  invalid: number;
  /** Handling time of all the calls, in seconds. */
  seconds: number;
};

/** What the switch counted: calls offered to the agents, answered by one, abandoned waiting. */
export type SwitchTally = { offered: number; answered: number; abandoned: number };

export function emptyCallTally(): CallTally {
  return { calls: 0, answered: 0, ticket: 0, transferred: 0, invalid: 0, seconds: 0 };
}

export type CallFigures = {
  tally: CallTally;
  /** 转工单率: calls that needed a work order / calls. */
  ticketShare: Rate;
  /** 当场解答率: calls answered on the spot / calls. */
  answeredShare: Rate;
  /** 平均通话时长 (seconds): handling time / calls. */
  averageSeconds: Rate;
  /** 接通率 (人工坐席接通率): answered / offered, from the switch; null when it reported nothing. */
  connectRate: Rate | null;
  switch: SwitchTally | null;
};

function rate(num: number, den: number): Rate {
  return { num, den, rate: den === 0 ? null : num / den };
}

/**
 * The centre's figures from the call log and, where imported or posted, the switch's counts. No
 * switch data means no 接通率 at all — never one made up from the call log, which only sees the
 * calls that were answered.
 */
export function callFigures(tally: CallTally, switchTally: SwitchTally | null): CallFigures {
  const reported = switchTally !== null && switchTally.offered > 0;
  return {
    tally,
    ticketShare: rate(tally.ticket, tally.calls),
    answeredShare: rate(tally.answered, tally.calls),
    averageSeconds: rate(tally.seconds, tally.calls),
    connectRate: reported ? rate(switchTally.answered, switchTally.offered) : null,
    switch: reported ? switchTally : null,
  };
}

/** One hour the switch reports, for the whole centre (agent "") or one agent's 工号. */
export type SwitchInterval = { hourAt: Date; agent: string; offered: number; answered: number; abandoned: number };

/** Why a reported hour cannot be stored, or null. */
export function switchIntervalProblem(i: Omit<SwitchInterval, "hourAt"> & { hourAt: Date | null }): string | null {
  if (i.hourAt === null) return "时段应为整点，如 2026-11-30 09:00";
  if (i.hourAt.getTime() % 3_600_000 !== 0) return "时段应为整点（分钟为 00）";
  for (const [name, value] of [
    ["呼入量", i.offered],
    ["接通量", i.answered],
    ["放弃量", i.abandoned],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 1_000_000) return `${name}应为 0 或正整数`;
  }
  if (i.answered + i.abandoned > i.offered) return `接通量（${i.answered}）与放弃量（${i.abandoned}）之和不能大于呼入量（${i.offered}）`;
  if (i.agent.length > 32) return "坐席工号不能超过 32 个字符";
  return null;
}

export type CallTiming = { startedAt: Date; endedAt: Date; durationSeconds: number };

/**
 * When a call was and how long, from what the console sends as it is saved (`now`): the moment
 * the agent started on it and/or a typed duration. A typed duration wins (the agent knows better
 * than a form left open); without one the call lasted from its start until now. Returns a Chinese
 * sentence when neither is usable.
 */
export function callTiming(now: Date, startedAt: Date | undefined, typedSeconds: number | undefined): CallTiming | string {
  if (startedAt && startedAt.getTime() > now.getTime() + 60_000) return "通话开始时间晚于当前时间，请检查本机时钟";
  if (startedAt && now.getTime() - startedAt.getTime() > MAX_CALL_AGE_MS) return "只能登记 24 小时以内的来电";
  const seconds = typedSeconds ?? (startedAt ? Math.max(1, Math.round((now.getTime() - startedAt.getTime()) / 1000)) : undefined);
  if (seconds === undefined) return "请填写通话时长";
  if (seconds > MAX_CALL_SECONDS) return `通话时长不能超过 ${MAX_CALL_SECONDS / 3600} 小时；通话中途离开请直接填写时长`;
  const start = typedSeconds !== undefined && startedAt === undefined ? new Date(now.getTime() - seconds * 1000) : (startedAt ?? now);
  return { startedAt: start, endedAt: new Date(start.getTime() + seconds * 1000), durationSeconds: seconds };
}
