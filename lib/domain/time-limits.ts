import type { WorkCalendar } from "./calendar";

import type { Grade, TicketType, Urgency } from "./labels";

export type { Grade, TicketType, Urgency };
export type LimitUnit = "CLOCK_HOURS" | "WORKING_DAYS";

/**
 * One row of the time-limit table (时限). A null field matches any ticket. Sign (签收) and
 * first contact (首次联系) are always clock hours; close (办结) is in `closeUnit`.
 */
export type TimeLimitPolicy = {
  name: string;
  type: TicketType | null;
  urgency: Urgency | null;
  grade: Grade | null;
  signHours: number;
  contactHours: number;
  closeAmount: number;
  closeUnit: LimitUnit;
};

export type Deadlines = { signDueAt: Date | null; contactDueAt: Date; dueAt: Date };
/** A ticket's deadlines: an anonymous ticket has no contact deadline. */
export type TicketDeadlines = Omit<Deadlines, "contactDueAt"> & { contactDueAt: Date | null };

/**
 * 先联系后答复 exempts anonymous callers — there is no one to contact — so their tickets carry
 * no contact deadline: nothing to show, to sort the workbench by, or to count in 响应率.
 */
export function deadlinesOfTicket(deadlines: Deadlines, anonymous: boolean): TicketDeadlines {
  return anonymous ? { ...deadlines, contactDueAt: null } : deadlines;
}
export type DeadlineState = "OK" | "NEAR" | "OVERDUE";

/** 延期: adds at most this many working days, once (DOMAIN §5). */
export const MAX_EXTENSION_WORKING_DAYS = 7;

const HOUR_MS = 60 * 60 * 1000;

function workingDays(name: string, type: TicketType | null, days: number, grade: Grade | null = null): TimeLimitPolicy {
  return { name, type, urgency: null, grade, signHours: 1, contactHours: 24, closeAmount: days, closeUnit: "WORKING_DAYS" };
}

/** DOMAIN §5 defaults; admins edit their copy in the database. */
export const DEFAULT_TIME_LIMIT_POLICIES: TimeLimitPolicy[] = [
  workingDays("默认", null, 5),
  { name: "紧急", type: null, urgency: "URGENT", grade: null, signHours: 1, contactHours: 2, closeAmount: 24, closeUnit: "CLOCK_HOURS" },
  workingDays("咨询", "INQUIRY", 3),
  workingDays("求助", "HELP", 5),
  workingDays("建议", "SUGGESTION", 5),
  workingDays("投诉", "COMPLAINT", 7),
  workingDays("举报", "REPORT", 7),
  workingDays("疑难", null, 15, "DIFFICULT"),
];

/**
 * Specificity weights. Grade outweighs urgency and type together because 疑难 is a judgement the
 * lead makes after looking at the ticket, so it overrides whatever the intake fields implied.
 * Urgency outweighs type because 紧急 exists to shorten the limit of any type.
 */
const WEIGHT = { grade: 4, urgency: 2, type: 1 } as const;

/** The most specific matching policy; on a tie, the earlier one in the list. */
export function selectPolicy(
  policies: readonly TimeLimitPolicy[],
  ticket: { type: TicketType; urgency: Urgency; grade: Grade },
): TimeLimitPolicy {
  let best: TimeLimitPolicy | undefined;
  let bestScore = -1;
  for (const p of policies) {
    if (p.type !== null && p.type !== ticket.type) continue;
    if (p.urgency !== null && p.urgency !== ticket.urgency) continue;
    if (p.grade !== null && p.grade !== ticket.grade) continue;
    const score = (p.grade ? WEIGHT.grade : 0) + (p.urgency ? WEIGHT.urgency : 0) + (p.type ? WEIGHT.type : 0);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  if (!best) {
    throw new Error(`No time-limit policy matches ${ticket.type}/${ticket.urgency}/${ticket.grade}: add a catch-all policy`);
  }
  return best;
}

function addClockHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * HOUR_MS);
}

/**
 * 接诉即办: first contact and close run from receipt, not from dispatch, so time lost in routing
 * counts against the ticket. Signing is the unit's own step, so it runs from dispatch.
 */
export function computeDeadlines(
  calendar: WorkCalendar,
  policy: TimeLimitPolicy,
  ticket: { receivedAt: Date; dispatchedAt?: Date | null },
): Deadlines {
  const { receivedAt, dispatchedAt } = ticket;
  return {
    signDueAt: dispatchedAt ? addClockHours(dispatchedAt, policy.signHours) : null,
    contactDueAt: addClockHours(receivedAt, policy.contactHours),
    dueAt:
      policy.closeUnit === "CLOCK_HOURS"
        ? addClockHours(receivedAt, policy.closeAmount)
        : calendar.addWorkingDays(receivedAt, policy.closeAmount),
  };
}

/** 延期: the new close deadline, `workingDays` (1–7) working days after the current one. */
export function extendDueAt(calendar: WorkCalendar, dueAt: Date, workingDays: number): Date {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_EXTENSION_WORKING_DAYS) {
    throw new RangeError(`An extension is 1–${MAX_EXTENSION_WORKING_DAYS} working days, got ${workingDays}`);
  }
  return calendar.addWorkingDays(dueAt, workingDays);
}

/** 临期 when less than 20% of the start→due span is left; 超期 once `now` is past `due`. */
export function deadlineState(now: Date, start: Date, due: Date): DeadlineState {
  const left = due.getTime() - now.getTime();
  if (left < 0) return "OVERDUE";
  if (left < 0.2 * (due.getTime() - start.getTime())) return "NEAR";
  return "OK";
}

/**
 * escalationAt: the earliest deadline the ticket has not met yet — what the workbench sorts on
 * and the scheduler watches. Null when every deadline is met (or the ticket is finished).
 */
export function earliestOpenDeadline(ticket: {
  signDueAt: Date | null;
  signedAt: Date | null;
  contactDueAt: Date | null;
  firstContactAt: Date | null;
  dueAt: Date | null;
  repliedAt: Date | null;
}): Date | null {
  const open = [
    ticket.signedAt ? null : ticket.signDueAt,
    ticket.firstContactAt ? null : ticket.contactDueAt,
    ticket.repliedAt ? null : ticket.dueAt,
  ].filter((d): d is Date => d !== null);
  return open.length ? new Date(Math.min(...open.map((d) => d.getTime()))) : null;
}
