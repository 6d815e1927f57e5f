// 一单到底 and 集中反映 (DOMAIN.md §5): spotting a repeat call about a matter that already has a
// ticket, and places that keep being reported. Pure: the DAL loads the candidate tickets.
import { STATUS_LABELS, type TicketStatus } from "./labels";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Same caller + same category within this many days before the new call is a likely repeat. */
export const DUPLICATE_CALLER_WINDOW_DAYS = 7;
/** 集中反映: at least this many tickets on one place + category … */
export const HOT_ISSUE_MIN_TICKETS = 3;
/** … received within this many days (a rolling window of 24-hour days ending now). */
export const HOT_ISSUE_WINDOW_DAYS = 30;

/** Merged and invalid tickets are not matters of their own: never offered, never counted. */
const EXCLUDED_STATUSES: ReadonlySet<string> = new Set(["MERGED", "INVALID"]);
/** Statuses in which a ticket is no longer being worked. */
const FINISHED_STATUSES: ReadonlySet<string> = new Set(["CLOSED", "MERGED", "INVALID"]);

/**
 * Qualifiers callers add after a place ("…附近", "…门口") that do not change which place they
 * mean. Longer ones first so that "十字路口" is not half-stripped as "路口".
 */
const TRAILING_QUALIFIERS = ["十字路口", "交叉口", "附近", "旁边", "周边", "一带", "门口"] as const;
const TRAILING_PUNCTUATION = /[。．.，,、；;：:！!？?\-—~～]+$/u;
const ROAD_OR_NUMBER_END = /[路街道巷桥号\d]$/u;

/**
 * A comparison key for free-text places, so that "花园北路158号附近" and "花园北路 158 号" meet.
 * NFKC folds full-width digits and letters (１５８ → 158) and the ideographic space; then case,
 * whitespace, trailing punctuation and trailing qualifiers go. "路口" is special: in "人民路口"
 * the 路 belongs to the road's name, so it keeps a 路 ("人民路"), while in "解放路路口" or
 * "花园北路158号路口" it is a qualifier and goes whole. We deliberately stop there — no
 * synonym tables or fuzzy matching — because a false "same place" merges two citizens' matters,
 * which is worse than a missed hint the dispatcher can still find by searching.
 * Returns "" when nothing of a place is left; "" never matches anything.
 */
export function normalisePlace(place: string | null | undefined): string {
  let key = (place ?? "").normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
  for (;;) {
    const before = key;
    key = key.replace(TRAILING_PUNCTUATION, "");
    const qualifier = TRAILING_QUALIFIERS.find((q) => key.endsWith(q));
    if (qualifier) {
      key = key.slice(0, -qualifier.length);
    } else if (key.endsWith("路口")) {
      const base = key.slice(0, -2);
      key = base === "" || ROAD_OR_NUMBER_END.test(base) ? base : `${base}路`;
    }
    if (key === before) return key;
  }
}

/** Digits only, without a +86 country prefix, so "138 0000 0000" and "+8613800000000" meet. */
function normalisePhone(phone: string | null | undefined): string {
  const digits = (phone ?? "").replace(/\D/g, "");
  return digits.length === 13 && digits.startsWith("86") ? digits.slice(2) : digits;
}

function statusName(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status as TicketStatus] ?? status;
}

export type DuplicateCandidate = {
  no: string;
  status: string;
  category: string;
  phone: string | null;
  place: string | null;
  receivedAt: Date;
};

export type DuplicateReason = "SAME_CALLER" | "SAME_PLACE";
export type DuplicateMatch = { no: string; reasons: DuplicateReason[]; reasonText: string };

export type NewTicketForDuplicates = {
  /** Set when checking a ticket already stored, so it is not offered as its own duplicate. */
  no?: string | null;
  category: string;
  phone?: string | null;
  place?: string | null;
  receivedAt: Date;
};

/**
 * Earlier tickets the dispatcher should consider merging the new one into, most relevant first
 * (both reasons, then the most recent). Only tickets received at or before the new one count:
 * the master of a merge is the earlier ticket. The 7-day window includes its boundary.
 */
export function findDuplicates(newTicket: NewTicketForDuplicates, candidates: readonly DuplicateCandidate[]): DuplicateMatch[] {
  const phone = normalisePhone(newTicket.phone);
  const placeKey = normalisePlace(newTicket.place);
  const received = newTicket.receivedAt.getTime();
  const callerFrom = received - DUPLICATE_CALLER_WINDOW_DAYS * DAY_MS;

  const found: (DuplicateMatch & { receivedAt: number })[] = [];
  for (const c of candidates) {
    if (EXCLUDED_STATUSES.has(c.status) || c.category !== newTicket.category) continue;
    if (newTicket.no && c.no === newTicket.no) continue;
    const at = c.receivedAt.getTime();
    if (at > received) continue;

    const reasons: DuplicateReason[] = [];
    const texts: string[] = [];
    if (phone !== "" && normalisePhone(c.phone) === phone && at >= callerFrom) {
      reasons.push("SAME_CALLER");
      texts.push(`同一来电人 ${DUPLICATE_CALLER_WINDOW_DAYS} 日内反映同类问题`);
    }
    if (placeKey !== "" && !FINISHED_STATUSES.has(c.status) && normalisePlace(c.place) === placeKey) {
      reasons.push("SAME_PLACE");
      texts.push(`同一地点同类问题的工单尚未办结（${statusName(c.status)}）`);
    }
    if (reasons.length > 0) found.push({ no: c.no, reasons, reasonText: texts.join("；"), receivedAt: at });
  }

  found.sort(
    (a, b) =>
      b.reasons.length - a.reasons.length || b.receivedAt - a.receivedAt || (a.no < b.no ? 1 : a.no > b.no ? -1 : 0),
  );
  return found.map(({ no, reasons, reasonText }) => ({ no, reasons, reasonText }));
}

export type HotIssueTicket = { no: string; category: string; place: string | null; receivedAt: Date; status: string };

export type HotIssue = {
  /** normalisePlace() of the place: the grouping key together with the category. */
  placeKey: string;
  /** The place as callers wrote it most often (on a tie, the latest spelling), for display. */
  place: string;
  category: string;
  /** Ticket numbers, oldest first. */
  tickets: string[];
  firstAt: Date;
  lastAt: Date;
};

/**
 * 集中反映: groups of at least HOT_ISSUE_MIN_TICKETS tickets on one place + category received in
 * [now − windowDays, now] (HOT_ISSUE_WINDOW_DAYS unless a reader asks for a shorter or longer
 * look back), largest first. Closed tickets still count — a place that keeps producing
 * complaints is a hot issue even when each one was answered — but merged and invalid ones do
 * not, since they are not separate reports of their own.
 */
export function findHotIssues(tickets: readonly HotIssueTicket[], now: Date, windowDays: number = HOT_ISSUE_WINDOW_DAYS): HotIssue[] {
  const to = now.getTime();
  const from = to - windowDays * DAY_MS;
  const groups = new Map<string, { placeKey: string; category: string; members: HotIssueTicket[] }>();
  for (const t of tickets) {
    const at = t.receivedAt.getTime();
    if (EXCLUDED_STATUSES.has(t.status) || at < from || at > to) continue;
    const placeKey = normalisePlace(t.place);
    if (placeKey === "") continue;
    const key = `${t.category}\u0000${placeKey}`;
    const group = groups.get(key) ?? { placeKey, category: t.category, members: [] };
    group.members.push(t);
    groups.set(key, group);
  }

  const issues: HotIssue[] = [];
  for (const { placeKey, category, members } of groups.values()) {
    if (members.length < HOT_ISSUE_MIN_TICKETS) continue;
    members.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.no < b.no ? -1 : 1));
    issues.push({
      placeKey,
      place: commonestSpelling(members),
      category,
      tickets: members.map((t) => t.no),
      firstAt: members[0]!.receivedAt,
      lastAt: members[members.length - 1]!.receivedAt,
    });
  }
  return issues.sort(
    (a, b) =>
      b.tickets.length - a.tickets.length ||
      b.lastAt.getTime() - a.lastAt.getTime() ||
      (a.placeKey + a.category < b.placeKey + b.category ? -1 : 1),
  );
}

/** Members are sorted oldest first, so a later spelling overtakes an earlier one on a tie. */
function commonestSpelling(members: readonly HotIssueTicket[]): string {
  const counts = new Map<string, number>();
  let best = "";
  let bestCount = 0;
  for (const t of members) {
    const spelling = (t.place ?? "").trim();
    const count = (counts.get(spelling) ?? 0) + 1;
    counts.set(spelling, count);
    if (count >= bestCount) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}
