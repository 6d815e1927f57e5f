// In-app notices and live updates for the hotline floor (issue 13 item 9). Nothing here is
// written when a notice "happens": every notice is derived from what is already stored — the
// ticket's events, its assistance requests, its deadline — and a per-user read cursor
// (User.noticesReadAt) says which of them the user has seen. So there is no second record to
// keep in step with the workflow, and every app node behind the load balancer answers the same.
import { can, type Role } from "@/lib/auth/permissions";
import type { TicketStatus } from "@/lib/domain/labels";

/** 临期 · 督办 · 协办 · 催办 · 待派单: what a notice is about. */
export const NOTICE_LABELS = {
  NEAR: "临期",
  SUPERVISED: "督办",
  ASSIST: "协办",
  REMINDER: "催办",
  UNDISPATCHED: "待派单",
} as const;
export type NoticeKind = keyof typeof NOTICE_LABELS;

/**
 * The citizen's reminder (催办, issue 13 item 3). Named as a string so that the notices compile
 * and work before and after the event type lands in lib/domain/events.ts.
 */
export const CITIZEN_REMINDER = "CITIZEN_REMINDER";

/** The event types that raise a notice, and which. */
const EVENT_NOTICES: Record<string, NoticeKind> = {
  SUPERVISED: "SUPERVISED",
  [CITIZEN_REMINDER]: "REMINDER",
  // A call the routing rules could not place: it waits for a dispatcher by hand.
  ROUTING_FAILED: "UNDISPATCHED",
};

export function noticeKindOfEvent(type: string): NoticeKind | null {
  return Object.hasOwn(EVENT_NOTICES, type) ? EVENT_NOTICES[type]! : null;
}

/** Notices stay in the list this long; older ones are history on the ticket's timeline. */
export const NOTICE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** The list shows the newest this many; the unread count is counted among them ("30+"). */
export const NOTICE_LIMIT = 30;

/**
 * Who is told what. Handling units (HANDLER, LEAD): their own unit's tickets (as owner or as the
 * assigned squadron) — 临期, 督办, 催办 — and 协办 requests addressed to the unit. Dispatchers:
 * every call left for manual dispatch and every 催办 (the citizen is chasing the floor); they may
 * turn on a sound. Managers: every 催办, the cue for a 督办. Nobody else has notices.
 */
export type NoticeAudience = { scope: "unit" | "floor"; kinds: readonly NoticeKind[]; sound: boolean };

export function noticeAudience(role: Role): NoticeAudience | null {
  if (can(role, "ticket:read:unit")) return { scope: "unit", kinds: ["NEAR", "SUPERVISED", "ASSIST", "REMINDER"], sound: false };
  if (can(role, "ticket:dispatch")) return { scope: "floor", kinds: ["UNDISPATCHED", "REMINDER"], sound: true };
  if (can(role, "ticket:supervise")) return { scope: "floor", kinds: ["REMINDER"], sound: false };
  return null;
}

/** The event types an audience's notices come from. */
export function noticeEventTypes(audience: NoticeAudience): string[] {
  return Object.keys(EVENT_NOTICES).filter((type) => audience.kinds.includes(EVENT_NOTICES[type]!));
}

export type NoticeCandidate = { kind: NoticeKind; no: string; title: string; at: Date };
export type Notice = NoticeCandidate & { label: string; read: boolean };

/** Unread: raised after the moment up to which the user marked notices read. */
export function isUnread(at: Date, readAt: Date | null): boolean {
  return readAt === null || at.getTime() > readAt.getTime();
}

/** Newest first, at most `limit`; the unread ones among them counted. */
export function collectNotices(candidates: readonly NoticeCandidate[], readAt: Date | null, limit = NOTICE_LIMIT): { notices: Notice[]; unread: number } {
  const notices = [...candidates]
    .sort((a, b) => b.at.getTime() - a.at.getTime() || a.no.localeCompare(b.no))
    .slice(0, limit)
    .map((c) => ({ ...c, label: NOTICE_LABELS[c.kind], read: !isUnread(c.at, readAt) }));
  return { notices, unread: notices.filter((n) => !n.read).length };
}

/**
 * "Mark all read" moves the cursor to the newest notice the user was shown — not to the moment
 * the click arrives, which would swallow a notice raised in between — and never into the future.
 * (It never moves backwards either: the DAL writes it only over an older cursor.)
 */
export function readCursorFor(shownUpTo: Date, now: Date): Date {
  return shownUpTo.getTime() > now.getTime() ? now : shownUpTo;
}

/**
 * 新 until opened: a ticket that has just arrived for the user — dispatched to a handling unit
 * (待签收), or waiting for a dispatcher (待派单) — whose page the user has not opened yet.
 */
export function newStatusesFor(role: Role): TicketStatus[] {
  if (can(role, "ticket:handle")) return ["DISPATCHED"];
  if (can(role, "ticket:dispatch")) return ["PENDING"];
  return [];
}

export function isNewFor(role: Role, status: TicketStatus, opened: boolean): boolean {
  return !opened && newStatusesFor(role).includes(status);
}

// ─── Live updates ───────────────────────────────────────────────────────────
//
// The change mark counts the steps (TicketEvent rows) of the user's visible tickets since the
// start of the current hour, less a few minutes' overlap. Every step writes an event, so any
// change the user could see moves the count. A count rather than the newest time: a step stamped
// just before another but committed just after it still moves a count. The window starts afresh
// each hour (the mark changes then once too, which also brings time-based figures like 临期 up to
// date) and keeps the counted range to an hour's steps whatever the size of the archive.

export const MARK_BUCKET_MS = 60 * 60 * 1000;
/** Steps committed late, stamped before the hour turned, still fall inside the next window. */
export const MARK_OVERLAP_MS = 5 * 60 * 1000;

export function markWindow(now: Date): { bucket: number; since: Date } {
  const bucket = Math.floor(now.getTime() / MARK_BUCKET_MS);
  return { bucket, since: new Date(bucket * MARK_BUCKET_MS - MARK_OVERLAP_MS) };
}

export function changeMark(bucket: number, steps: number): string {
  return `${bucket.toString(36)}.${steps}`;
}

/** The poller's pace: every 15 s while all is well, doubling after each failure up to 5 min. */
export const PULSE_INTERVAL_MS = 15_000;
export const PULSE_MAX_DELAY_MS = 5 * 60 * 1000;

export function nextPollDelay(failures: number): number {
  return Math.min(PULSE_INTERVAL_MS * 2 ** Math.max(0, Math.min(failures, 10)), PULSE_MAX_DELAY_MS);
}

/** The pages whose lists and counts refresh themselves when the mark changes. */
export const LIVE_PATHS = ["/workbench", "/supervised"] as const;

export function isLivePath(pathname: string): boolean {
  return LIVE_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
