// 超期 and 临期 (DOMAIN.md §5): which of a ticket's three clocks — sign (签收), first contact
// (首次联系), close (办结) — are still running, which have run out, and which of those crossings
// are already on record. Pure, so the scheduler, the CLI and the workbench agree on it.
//
// Why scans stay small. `escalationAt` (earliestOpenDeadline) is the earliest deadline not yet
// met, kept on the ticket and indexed together with `status`. Every deadline that can cross is
// unmet, so it is at or after escalationAt: a ticket can only have a crossing to record if it is
// open and `escalationAt < now`. The scheduler therefore walks the (status, escalationAt) index
// over the open statuses up to `now` — tickets that are closed, merged, invalid, or whose
// clocks are all still running are never read. Among the rows it does read, the *OverdueAt
// markers drop those whose crossings are already recorded: the ticket keeps its escalationAt
// (the workbench still sorts the longest-overdue work first), it is just not written again.
// What the index walk cannot skip is therefore the open tickets that are overdue and recorded
// but not yet dealt with — a backlog managers are chasing anyway, a few hundred or thousand
// rows, not the archive. `nextScanAt` is the instant a ticket next needs the scheduler, the
// value a dedicated index column would hold if that backlog ever grew too large to re-read.

import type { TicketStatus } from "./labels";
import { DEFAULT_SETTINGS } from "./settings";
import { deadlineState, type DeadlineState } from "./time-limits";

/** The three deadlines of DOMAIN §5, as named in an OVERDUE event's payload. */
export type DeadlineKind = "SIGN" | "CONTACT" | "CLOSE";

/** Statuses in which the clocks run: a REPLIED, CLOSED, MERGED or INVALID ticket has none. */
export const OPEN_STATUSES = ["PENDING", "DISPATCHED", "IN_PROGRESS"] as const satisfies readonly TicketStatus[];

/** The ticket columns the clocks are read from. */
export type ClockedTicket = {
  status: TicketStatus;
  anonymous: boolean;
  receivedAt: Date;
  dispatchedAt: Date | null;
  signDueAt: Date | null;
  signedAt: Date | null;
  signOverdueAt: Date | null;
  contactDueAt: Date | null;
  firstContactAt: Date | null;
  contactOverdueAt: Date | null;
  dueAt: Date | null;
  repliedAt: Date | null;
  dueOverdueAt: Date | null;
};

/** The share of the span deadlineState itself calls 临期. */
const DEADLINE_STATE_NEAR_FRACTION = 0.2;

type Clock = { deadline: DeadlineKind; start: Date; dueAt: Date; recorded: boolean };

/**
 * A marker records the crossing of the deadline as it was when the marker was set. If the
 * deadline later moves past the marker (延期 approved, 疑难 graded, 重办 with a new limit), the
 * new deadline has not been crossed yet and is watched again — without every workflow step
 * having to remember to clear the marker.
 */
function isRecorded(marker: Date | null, dueAt: Date): boolean {
  return marker !== null && marker.getTime() >= dueAt.getTime();
}

/** The clocks still running: deadline set, not met, ticket open. */
function runningClocks(t: ClockedTicket): Clock[] {
  if (!(OPEN_STATUSES as readonly string[]).includes(t.status)) return [];
  const clocks: Clock[] = [];
  if (t.signDueAt && !t.signedAt) {
    // Signing is the unit's own step, so its span starts at dispatch (computeDeadlines).
    clocks.push({ deadline: "SIGN", start: t.dispatchedAt ?? t.receivedAt, dueAt: t.signDueAt, recorded: isRecorded(t.signOverdueAt, t.signDueAt) });
  }
  // An anonymous caller left no one to contact (先联系后答复 exempts them), so no contact clock.
  if (t.contactDueAt && !t.firstContactAt && !t.anonymous) {
    clocks.push({ deadline: "CONTACT", start: t.receivedAt, dueAt: t.contactDueAt, recorded: isRecorded(t.contactOverdueAt, t.contactDueAt) });
  }
  if (t.dueAt && !t.repliedAt) {
    clocks.push({ deadline: "CLOSE", start: t.receivedAt, dueAt: t.dueAt, recorded: isRecorded(t.dueOverdueAt, t.dueAt) });
  }
  return clocks;
}

/**
 * The deadlines whose crossing still has to be recorded (one OVERDUE event each): past due
 * (`now > dueAt`; exactly at the deadline is still in time), not met, ticket open, and no
 * marker for this deadline yet.
 */
export function crossedDeadlines(ticket: ClockedTicket, now: Date): { deadline: DeadlineKind; dueAt: Date }[] {
  return runningClocks(ticket)
    .filter((c) => !c.recorded && now.getTime() > c.dueAt.getTime())
    .map(({ deadline, dueAt }) => ({ deadline, dueAt }));
}

export type DeadlineFlag = DeadlineState | null;

const FLAG_KEY = { SIGN: "sign", CONTACT: "contact", CLOSE: "close" } as const;

/**
 * 临期 / 超期 per deadline for the UI; null where the clock is not running (met, not set yet,
 * or the ticket is no longer open). `nearFraction` is the admin setting nearDueFraction.
 */
export function deadlineFlags(
  ticket: ClockedTicket,
  now: Date,
  nearFraction: number = DEFAULT_SETTINGS.nearDueFraction,
): { sign: DeadlineFlag; contact: DeadlineFlag; close: DeadlineFlag } {
  const flags = { sign: null as DeadlineFlag, contact: null as DeadlineFlag, close: null as DeadlineFlag };
  for (const c of runningClocks(ticket)) {
    // deadlineState fixes 临期 at 20% of the span; any other fraction is the same rule applied to
    // a span scaled by fraction / 20% and ending at the same deadline.
    const span = c.dueAt.getTime() - c.start.getTime();
    const scaledStart = new Date(c.dueAt.getTime() - (span * nearFraction) / DEADLINE_STATE_NEAR_FRACTION);
    flags[FLAG_KEY[c.deadline]] = deadlineState(now, scaledStart, c.dueAt);
  }
  return flags;
}

/**
 * Since when the ticket has been 临期 (a clock deadlineFlags calls NEAR now): the latest moment
 * one of its clocks entered its last `nearFraction` of the span — when an in-app notice is raised
 * (lib/domain/floor-notices.ts). Null when no clock is 临期.
 */
export function nearSince(ticket: ClockedTicket, now: Date, nearFraction: number = DEFAULT_SETTINGS.nearDueFraction): Date | null {
  const flags = deadlineFlags(ticket, now, nearFraction);
  const entered = runningClocks(ticket)
    .filter((c) => flags[FLAG_KEY[c.deadline]] === "NEAR")
    .map((c) => c.dueAt.getTime() - (c.dueAt.getTime() - c.start.getTime()) * nearFraction);
  return entered.length ? new Date(Math.max(...entered)) : null;
}

/**
 * When this ticket next needs the scheduler: its earliest deadline neither met nor recorded
 * (null: nothing left to watch). Never before escalationAt, which also counts the deadlines
 * already recorded as crossed.
 */
export function nextScanAt(ticket: ClockedTicket): Date | null {
  const pending = runningClocks(ticket).filter((c) => !c.recorded);
  return pending.length ? new Date(Math.min(...pending.map((c) => c.dueAt.getTime()))) : null;
}
