// Demo history, clocks: every instant of a finished ticket's life, then cut at `now`.
import { WorkCalendar } from "@/lib/domain/calendar";
import type { TicketType } from "@/lib/domain/labels";
import { localDateOf, localMidnight } from "@/lib/domain/local-time";
import { computeDeadlines, selectPolicy, type TimeLimitPolicy } from "@/lib/domain/time-limits";
import { DAY, EVALUATION_WINDOW, HOUR, MINUTE, type Outcome, SECOND, type Source } from "./common";
import type { Plan } from "./plan";
import { between, pick, type Rng } from "./random";
import { PRAISE_COMMENTS, UNSATISFIED_COMMENTS } from "./texts";

/** Of the tickets whose 回访 would fall after now, this share still waits for it (REPLIED). */
const STILL_WAITING = 0.3;
/**
 * Tickets still waiting for 回访 were replied within this many days, so every link has two days
 * or more to run: the expiry job does not close a batch of them in the first hours of a demo
 * (and tests that expire their own ticket a day ahead find nothing else to close).
 */
const FRESH_REPLY_DAYS = 5;

/**
 * The calendar, memoised per local day for computeDeadlines (its day-by-day walk was a sixth
 * of the seed's time). Exact by the calendar's own rule: from any instant after midnight of a
 * working day, n working days later is the same span later (every later working day counts
 * whole); from a day off, the clock starts at the next working day, so the end is one instant.
 * Midnight itself ends at 24:00 of the n-th day instead, so it is not memoised.
 */
export class DayMemoCalendar extends WorkCalendar {
  private readonly memo = new Map<string, { shift: number } | { at: number }>();

  override addWorkingDays(from: Date, days: number): Date {
    const date = localDateOf(from);
    if (from.getTime() === localMidnight(date).getTime()) return super.addWorkingDays(from, days);
    const key = `${date}|${days}`;
    let known = this.memo.get(key);
    if (!known) {
      const at = super.addWorkingDays(from, days).getTime();
      known = this.isWorkingDay(date) ? { shift: at - from.getTime() } : { at };
      this.memo.set(key, known);
    }
    return new Date("shift" in known ? from.getTime() + known.shift : known.at);
  }
}

export type Evaluated = {
  at: number;
  satisfaction: Exclude<Outcome, "NONE">;
  resolved: boolean;
  source: Source;
  round: number;
  comment: string | null;
};

/** A caller's answer; a 不满意 one usually says why, a satisfied one sometimes says thanks. */
function answer(rng: Rng, at: number, satisfaction: Evaluated["satisfaction"], resolved: boolean, source: Source, round: number): Evaluated {
  const comment = satisfaction === "UNSATISFIED" ? pick(rng, UNSATISFIED_COMMENTS) : rng() < 0.2 ? pick(rng, PRAISE_COMMENTS) : null;
  return { at, satisfaction, resolved, source, round, comment };
}

/** Every instant of a ticket's life, in ms. Null where the step has not happened (yet). */
export type Clocks = {
  dispatchedAt: number;
  returned: { requestedAt: number; approvedAt: number } | null;
  signDueAt: number;
  contactDueAt: number;
  firstDueAt: number;
  dueAt: number;
  signedAt: number;
  firstContactAt: number;
  coordinatedAt: number | null;
  /** Round 1 of a reopened ticket: replied, judged 不满意, reopened. */
  firstRound: { repliedAt: number; evaluation: Evaluated; reopenedAt: number; recontactedAt: number } | null;
  repliedAt: number;
  evaluation: Evaluated | null;
  /** 未评价: the window ran out here. */
  expiredAt: number | null;
  /** 不满意: the manager's decision to close (办结) instead of reopening again. */
  reviewedAt: number | null;
  closedAt: number | null;
  awaitingReview: boolean;
  /** When the scheduler recorded each crossed deadline (the OVERDUE event and its marker). */
  overdue: Record<Deadline, number | null>;
};

export type Deadline = "SIGN" | "CONTACT" | "CLOSE";

export type Ctx = {
  calendar: WorkCalendar;
  policies: TimeLimitPolicy[];
  now: number;
};

function policyOf(ctx: Ctx, type: TicketType): TimeLimitPolicy {
  return selectPolicy(ctx.policies, { type, urgency: "NORMAL", grade: "NORMAL" });
}

function evaluationDelay(rng: Rng, source: Source): number {
  // Dispatchers call back within a day or so; citizens answer the link when they get to it.
  return source === "CALLBACK" ? between(rng, 1, 30) * HOUR : between(rng, 0.5, 60) * HOUR;
}

/** The whole life of a finished ticket, as it would have run with no `now` in the way. */
export function scheduleClocks(rng: Rng, plan: Plan, ctx: Ctx): Clocks {
  const r = plan.receivedAt;
  const policy = policyOf(ctx, plan.text.type);
  const base = computeDeadlines(ctx.calendar, policy, { receivedAt: new Date(r), dispatchedAt: new Date(r) });
  let dispatchedAt = r;
  let signDueAt = base.signDueAt!.getTime();
  let returned: Clocks["returned"] = null;
  if (plan.returnedFrom) {
    // 退单 within the 2-working-hour window; re-dispatch restarts the sign clock (approveReturn).
    const requestedAt = r + between(rng, 15, 100) * MINUTE;
    const approvedAt = requestedAt + between(rng, 10, 50) * MINUTE;
    returned = { requestedAt, approvedAt };
    dispatchedAt = approvedAt;
    signDueAt = computeDeadlines(ctx.calendar, policy, { receivedAt: new Date(r), dispatchedAt: new Date(approvedAt) }).signDueAt!.getTime();
  }
  const contactDueAt = base.contactDueAt.getTime();
  const firstDueAt = base.dueAt.getTime();
  const signedAt = dispatchedAt + (plan.late.sign ? between(rng, 65, 200) : between(rng, 3, 55)) * MINUTE;
  const firstContactAt = plan.late.contact
    ? Math.max(contactDueAt + between(rng, 0.5, 16) * HOUR, signedAt + 10 * MINUTE)
    : signedAt + between(rng, 0.15, Math.min(8, (contactDueAt - signedAt) / HOUR - 0.2)) * HOUR;

  const clocks: Clocks = {
    dispatchedAt,
    returned,
    signDueAt,
    contactDueAt,
    firstDueAt,
    dueAt: firstDueAt,
    signedAt,
    firstContactAt,
    coordinatedAt: null,
    firstRound: null,
    repliedAt: 0,
    evaluation: null,
    expiredAt: null,
    reviewedAt: null,
    closedAt: null,
    awaitingReview: false,
    overdue: { SIGN: null, CONTACT: null, CLOSE: null },
  };
  if (plan.reopened) scheduleReopened(rng, plan, ctx, clocks, policy);
  else scheduleOneRound(rng, plan, clocks);
  if (plan.text.sample.coordination) {
    // 不推诿: the department was consulted between the first contact and the first reply.
    const firstReply = clocks.firstRound?.repliedAt ?? clocks.repliedAt;
    clocks.coordinatedAt = firstContactAt + (firstReply - firstContactAt) * between(rng, 0.3, 0.8);
  }
  return clocks;
}

/** Reply, 回访, close — planned back from a close time inside (or, if late, past) the limit. */
function scheduleOneRound(rng: Rng, plan: Plan, c: Clocks): void {
  const unsatisfied = plan.outcome === "UNSATISFIED";
  if (plan.outcome === "NONE") {
    c.repliedAt = plan.late.close
      ? c.dueAt + between(rng, 2, 48) * HOUR
      : c.firstContactAt + between(rng, 0.1, 0.8) * (c.dueAt - c.firstContactAt);
    // The expiry job runs every minute.
    c.expiredAt = c.repliedAt + EVALUATION_WINDOW + between(rng, 5, 60) * SECOND;
    c.closedAt = c.expiredAt;
    return;
  }
  let evaluate = evaluationDelay(rng, plan.source);
  let review = unsatisfied ? between(rng, 3, 40) * HOUR : 0;
  if (plan.late.close) {
    c.repliedAt = c.dueAt + between(rng, 2, 48) * HOUR;
  } else {
    const closeAt = c.firstContactAt + between(rng, 0.3, 0.97) * (c.dueAt - c.firstContactAt);
    // 回访 and review fit inside the limit, leaving most of it for the handling itself.
    const room = 0.7 * (closeAt - c.firstContactAt);
    if (evaluate + review > room) [evaluate, review] = [(evaluate * room) / (evaluate + review), (review * room) / (evaluate + review)];
    c.repliedAt = closeAt - review - evaluate;
  }
  c.evaluation = answer(rng, c.repliedAt + evaluate, plan.outcome, plan.resolved, plan.source, 1);
  if (unsatisfied) c.reviewedAt = c.evaluation.at + review;
  c.closedAt = c.reviewedAt ?? c.evaluation.at;
}

/** 不满意 → the manager reopens (重办, fresh close limit from then) → reply and 回访 again. */
function scheduleReopened(rng: Rng, plan: Plan, ctx: Ctx, c: Clocks, policy: TimeLimitPolicy): void {
  const repliedAt = c.firstContactAt + between(rng, 0.2, 0.6) * (c.firstDueAt - c.firstContactAt);
  const firstSource: Source = rng() < 0.7 ? "CALLBACK" : "LINK";
  const evaluation = answer(rng, repliedAt + evaluationDelay(rng, firstSource), "UNSATISFIED", false, firstSource, 1);
  const reopenedAt = evaluation.at + between(rng, 2, 20) * HOUR;
  const recontactedAt = reopenedAt + between(rng, 0.3, 6) * HOUR;
  c.firstRound = { repliedAt, evaluation, reopenedAt, recontactedAt };
  c.dueAt = computeDeadlines(ctx.calendar, policy, { receivedAt: new Date(reopenedAt) }).dueAt.getTime();
  c.repliedAt = plan.late.close
    ? c.dueAt + between(rng, 2, 24) * HOUR
    : recontactedAt + between(rng, 0.2, 0.6) * (c.dueAt - recontactedAt);
  // drawReopen never reopens a 未评价 ticket; the fallback only satisfies the type.
  const finalOutcome = plan.outcome === "NONE" ? "SATISFIED" : plan.outcome;
  c.evaluation = answer(rng, c.repliedAt + evaluationDelay(rng, plan.source), finalOutcome, plan.resolved, plan.source, 2);
  if (finalOutcome === "UNSATISFIED") c.reviewedAt = c.evaluation.at + between(rng, 3, 40) * HOUR;
  c.closedAt = c.reviewedAt ?? c.evaluation.at;
}

/**
 * Cuts a ticket's life at `now` when its 回访 or close would fall after it. Most such tickets
 * are squeezed to have finished just before now (a short handling, as fast units manage); a
 * share (STILL_WAITING, and every 未评价 one, whose 7-day window cannot shrink) is left REPLIED
 * awaiting 回访, or awaiting the manager's review after 不满意 — never still in handling: if
 * the reply itself would fall after now, the handling is squeezed to end before it.
 */
export function cutAtNow(rng: Rng, c: Clocks, now: number, receivedAt: number): void {
  const cap = now - 5 * MINUTE;
  if (c.closedAt !== null && c.closedAt <= cap) return;
  if (c.firstRound || c.returned) throw new Error("seedHistoryTickets: a reopened or returned ticket must end before now (see SETTLED)");
  const waits = c.expiredAt !== null || rng() < STILL_WAITING;
  if (!waits) {
    squeeze(c, receivedAt, (between(rng, 0.5, 0.95) * (cap - receivedAt)) / (c.closedAt! - receivedAt));
    return;
  }
  if (c.repliedAt > cap) squeeze(c, receivedAt, (between(rng, 0.4, 0.9) * (cap - receivedAt)) / (c.repliedAt - receivedAt));
  // Only a 未评价 ticket can have an older reply here (its window is 7 days): reply later.
  const fresh = now - FRESH_REPLY_DAYS * DAY;
  if (c.repliedAt < fresh) c.repliedAt = Math.max(fresh + between(rng, 0, FRESH_REPLY_DAYS - 1) * DAY, c.firstContactAt + HOUR);
  c.closedAt = null;
  c.expiredAt = null;
  c.reviewedAt = null;
  if (c.evaluation && c.evaluation.at <= cap && c.evaluation.satisfaction === "UNSATISFIED") c.awaitingReview = true;
  else c.evaluation = null;
}

/** Scales every step after receipt towards it by `factor` (< 1), keeping their order. */
function squeeze(c: Clocks, receivedAt: number, factor: number): void {
  const at = (t: number) => receivedAt + (t - receivedAt) * factor;
  c.signedAt = at(c.signedAt);
  c.firstContactAt = at(c.firstContactAt);
  if (c.coordinatedAt !== null) c.coordinatedAt = at(c.coordinatedAt);
  c.repliedAt = at(c.repliedAt);
  if (c.evaluation) c.evaluation = { ...c.evaluation, at: at(c.evaluation.at) };
  if (c.reviewedAt !== null) c.reviewedAt = at(c.reviewedAt);
  if (c.closedAt !== null) c.closedAt = at(c.closedAt);
}

/** The scheduler runs every minute: a crossing is recorded at its first run after the deadline. */
export function markOverdue(rng: Rng, c: Clocks): void {
  const crossed = (dueAt: number, metAt: number) => (metAt <= dueAt ? null : dueAt + Math.min(between(rng, 1, 60) * SECOND, (metAt - dueAt) / 2));
  c.overdue = {
    SIGN: crossed(c.signDueAt, c.signedAt),
    CONTACT: crossed(c.contactDueAt, c.firstContactAt),
    CLOSE: crossed(c.dueAt, c.repliedAt),
  };
}
