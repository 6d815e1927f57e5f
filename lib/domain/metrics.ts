// The rates a manager reads (DOMAIN.md §6), as pure functions.
//
// A rate is a count of tickets over a count of tickets, so every rate is built from per-ticket
// counters: `ticketCounters` says what one ticket contributes (0 or 1 to each counter, except the
// handling-time sum), and `ratesOf` turns summed counters into the §6 figures. The data layer
// keeps the same counters summed per day × unit × category × channel (lib/dal/metrics), so the
// dashboard adds up a few hundred rows instead of scanning tickets — and its SQL twin of
// `ticketCounters` is tested against this one.
//
// One counter depends on the clock: the 响应率 denominator takes tickets whose contact deadline
// has passed. A stored counter cannot know "now", so it is split: `contactDue` counts tickets
// contacted or whose contact deadline is recorded as crossed (the OVERDUE marker the scheduler
// writes), and `contactLate` — the crossings not recorded yet — is counted at read time.

import type { TicketStatus } from "./labels";

export const HOUR_MS = 3_600_000;

/** The ticket columns the rates are read from. */
export type MetricTicket = {
  status: TicketStatus;
  anonymous: boolean;
  receivedAt: Date;
  dispatchedAt: Date | null;
  signedAt: Date | null;
  signDueAt: Date | null;
  firstContactAt: Date | null;
  contactDueAt: Date | null;
  contactOverdueAt: Date | null;
  closedAt: Date | null;
  dueAt: Date | null;
  resolved: boolean | null;
  satisfaction: "SATISFIED" | "BASIC" | "UNSATISFIED" | "NONE" | null;
  returnCount: number;
  reopenCount: number;
};

export const COUNTER_NAMES = [
  "received",
  "dispatched",
  "returned",
  "closed",
  "closedOnTime",
  "handlingMs",
  "evaluated",
  "resolved",
  "satisfied",
  "basic",
  "reopened",
  "responded",
  "contactDue",
  "contactLate",
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type Counters = Record<CounterName, number>;

export function emptyCounters(): Counters {
  return Object.fromEntries(COUNTER_NAMES.map((name) => [name, 0])) as Counters;
}

export function addCounters(into: Counters, more: Counters): Counters {
  for (const name of COUNTER_NAMES) into[name] += more[name];
  return into;
}

/** §6 counts tickets received in the period except these. */
export const EXCLUDED_STATUSES = ["MERGED", "INVALID"] as const satisfies readonly TicketStatus[];

export function isCounted(status: TicketStatus): boolean {
  return !(EXCLUDED_STATUSES as readonly string[]).includes(status);
}

const ANSWERED = ["SATISFIED", "BASIC", "UNSATISFIED"] as const;

/** Met a deadline: done, and at or before it (no deadline set means nothing to miss). */
function inTime(doneAt: Date | null, dueAt: Date | null): boolean {
  return doneAt !== null && (dueAt === null || doneAt.getTime() <= dueAt.getTime());
}

/**
 * What one ticket contributes to each counter at `now`. The evaluation counted is the ticket's
 * latest (a reopened ticket is judged on its last round); 未评价 (NONE) is not an answer.
 */
export function ticketCounters(t: MetricTicket, now: Date): Counters {
  const counters = emptyCounters();
  if (!isCounted(t.status)) return counters;
  const closed = t.status === "CLOSED" && t.closedAt !== null;
  const answered = t.satisfaction !== null && (ANSWERED as readonly string[]).includes(t.satisfaction);
  // An anonymous caller left no one to contact, so they have no contact clock (§5 先联系后答复).
  const contactClock = !t.anonymous && t.contactDueAt !== null;
  const uncontacted = contactClock && t.firstContactAt === null;
  // Recorded by the scheduler's OVERDUE marker — or by an import, for a finished ticket nobody
  // contacted, whose crossing is certain (lib/dal/import-tickets.ts).
  const crossingRecorded = uncontacted && t.contactOverdueAt !== null && t.contactOverdueAt.getTime() >= t.contactDueAt!.getTime();
  const crossedUnrecorded = uncontacted && !crossingRecorded && t.contactDueAt!.getTime() <= now.getTime();

  counters.received = 1;
  counters.dispatched = t.dispatchedAt !== null ? 1 : 0;
  counters.returned = t.returnCount > 0 ? 1 : 0;
  counters.closed = closed ? 1 : 0;
  counters.closedOnTime = closed && inTime(t.closedAt, t.dueAt) ? 1 : 0;
  counters.handlingMs = closed ? t.closedAt!.getTime() - t.receivedAt.getTime() : 0;
  counters.evaluated = answered ? 1 : 0;
  counters.resolved = answered && t.resolved === true ? 1 : 0;
  counters.satisfied = t.satisfaction === "SATISFIED" ? 1 : 0;
  counters.basic = t.satisfaction === "BASIC" ? 1 : 0;
  counters.reopened = t.reopenCount > 0 ? 1 : 0;
  counters.responded = inTime(t.signedAt, t.signDueAt) && inTime(t.firstContactAt, t.contactDueAt) ? 1 : 0;
  counters.contactDue = t.firstContactAt !== null || crossingRecorded ? 1 : 0;
  counters.contactLate = crossedUnrecorded ? 1 : 0;
  return counters;
}

/** A §6 rate: numerator, denominator and their quotient (null when nothing to divide by). */
export type Rate = { num: number; den: number; rate: number | null };

export const RATE_NAMES = [
  "closedRate",
  "responseRate",
  "onTimeRate",
  "resolutionRate",
  "satisfactionRate",
  "evaluationRate",
  "reopenRate",
  "returnRate",
  "avgHandlingHours",
] as const;
export type RateName = (typeof RATE_NAMES)[number];

/** The §6 figures, keyed by their §6 names (the JSON of `metrics` and `GET /api/v1/metrics`). */
export type Metrics = { received: number } & Record<RateName, Rate>;
export type MetricName = keyof Metrics;

function rate(num: number, den: number): Rate {
  return { num, den, rate: den === 0 ? null : num / den };
}

export type MetricSettings = { satisfactionBasicWeight: number };

export function ratesOf(c: Counters, settings: MetricSettings): Metrics {
  return {
    received: c.received,
    closedRate: rate(c.closed, c.received),
    responseRate: rate(c.responded, c.contactDue + c.contactLate),
    onTimeRate: rate(c.closedOnTime, c.closed),
    resolutionRate: rate(c.resolved, c.evaluated),
    satisfactionRate: rate(c.satisfied + c.basic * settings.satisfactionBasicWeight, c.evaluated),
    evaluationRate: rate(c.evaluated, c.closed),
    reopenRate: rate(c.reopened, c.closed),
    returnRate: rate(c.returned, c.dispatched),
    avgHandlingHours: rate(c.handlingMs / HOUR_MS, c.closed),
  };
}

/** Chinese names, in dashboard order. */
export const METRIC_LABELS: Record<MetricName, string> = {
  received: "受理量",
  closedRate: "办结率",
  responseRate: "响应率",
  onTimeRate: "按时办结率",
  resolutionRate: "解决率",
  satisfactionRate: "满意率",
  evaluationRate: "参评率",
  reopenRate: "重办率",
  returnRate: "退单率",
  avgHandlingHours: "平均办理时长",
};

/** What the numerator and denominator of each rate count, for captions and report headers. */
export const RATE_PARTS: Record<RateName, { num: string; den: string }> = {
  closedRate: { num: "已办结", den: "受理量" },
  responseRate: { num: "按时签收且按时联系", den: "联系时限已到或已联系" },
  onTimeRate: { num: "按时办结", den: "已办结" },
  resolutionRate: { num: "已解决", den: "已评价" },
  satisfactionRate: { num: "满意+基本满意", den: "已评价" },
  evaluationRate: { num: "已评价", den: "已办结" },
  reopenRate: { num: "重办过", den: "已办结" },
  returnRate: { num: "退单获批", den: "已派单" },
  avgHandlingHours: { num: "办理总时长（小时）", den: "已办结" },
};

/** Rates where a lower figure is the better one (the 红黑榜 sorts them the other way). */
export const LOWER_IS_BETTER: ReadonlySet<MetricName> = new Set(["reopenRate", "returnRate", "avgHandlingHours"]);

/**
 * Half-up rounding of num/den × scale to `decimals` places, exact for the integer counts rates
 * are made of (float rounding would turn some x.xx5 into x.xx4). 1335/1435 → 93.03 (percent).
 */
export function roundHalfUp(num: number, den: number, decimals = 2, scale = 100): number {
  const factor = 10 ** decimals;
  const scaled = (num * scale * factor) / den;
  // A quotient of integers sits at least 1/(2·den) away from a .5 it does not equal, far more
  // than the float error here, so this nudge only repairs representation error.
  return Math.floor(scaled + 0.5 + 1e-9) / factor;
}

/** "93.03%", or "—" for a zero denominator (never 0% or 100%). */
export function formatPercent(r: Rate): string {
  return r.den === 0 ? "—" : `${roundHalfUp(r.num, r.den).toFixed(2)}%`;
}

/** "12.35 小时", or "—" when nothing closed. */
export function formatHours(r: Rate): string {
  return r.den === 0 ? "—" : `${roundHalfUp(r.num, r.den, 2, 1).toFixed(2)} 小时`;
}

export function formatRate(name: RateName, r: Rate): string {
  return name === "avgHandlingHours" ? formatHours(r) : formatPercent(r);
}

/** The group-by keys of §7. */
export const GROUP_BYS = ["unit", "category", "channel", "month"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** A group's key in the JSON: unit code, category code, channel code or "YYYY-MM". */
export type GroupKey = string;
/** Tickets no unit owns yet (PENDING) are grouped under this key. */
export const UNASSIGNED_KEY = "UNASSIGNED";

/** The figures a dashboard can drill into: a rate's numerator or denominator, or 受理量. */
export type FigurePart = "num" | "den";

/**
 * The tickets behind each figure: those counted by any of these counters. A drill-down lists
 * them, and its row count equals the figure — except 满意率's numerator when 基本满意 weighs
 * less than 1 (the list shows every 满意 and 基本满意 ticket) and 平均办理时长's numerator,
 * which is hours, not tickets (its list is the closed tickets, the denominator).
 */
export const FIGURE_COUNTERS: Record<MetricName, Record<FigurePart, readonly CounterName[]>> = {
  received: { num: ["received"], den: ["received"] },
  closedRate: { num: ["closed"], den: ["received"] },
  responseRate: { num: ["responded"], den: ["contactDue", "contactLate"] },
  onTimeRate: { num: ["closedOnTime"], den: ["closed"] },
  resolutionRate: { num: ["resolved"], den: ["evaluated"] },
  satisfactionRate: { num: ["satisfied", "basic"], den: ["evaluated"] },
  evaluationRate: { num: ["evaluated"], den: ["closed"] },
  reopenRate: { num: ["reopened"], den: ["closed"] },
  returnRate: { num: ["returned"], den: ["dispatched"] },
  avgHandlingHours: { num: ["closed"], den: ["closed"] },
};

export const METRIC_NAMES = ["received", ...RATE_NAMES] as const satisfies readonly MetricName[];
