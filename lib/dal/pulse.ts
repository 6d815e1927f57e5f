import "server-only";
// The floor's pulse (issue 13 item 9): one cheap call a staff page polls — a change mark of the
// tickets the user may see, and their in-app notices (lib/domain/floor-notices.ts). Several app
// nodes share one database, so the database is the only thing all of them can ask; there is no
// in-process channel to miss a step taken on another node.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import {
  changeMark,
  collectNotices,
  markWindow,
  NOTICE_LIMIT,
  NOTICE_WINDOW_MS,
  noticeAudience,
  noticeEventTypes,
  noticeKindOfEvent,
  readCursorFor,
  type Notice,
  type NoticeAudience,
  type NoticeCandidate,
} from "@/lib/domain/floor-notices";
import type { TicketStatus } from "@/lib/domain/labels";
import { nearSince, OPEN_STATUSES } from "@/lib/domain/overdue";
import { Forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ownUnitTicketsWhere, readableTicketsWhere } from "@/lib/dal/tickets";
import { reference } from "@/lib/dal/reference";

export type Pulse = { mark: string; unread: number; notices: Notice[]; sound: boolean };

/**
 * The change mark: how many steps the user's visible tickets took in the current window
 * (markWindow). One statement through TicketEvent's (createdAt) index — an hour's steps at most,
 * each checked against its ticket by primary key — whatever the size of the archive.
 */
async function mark(actor: Actor, now: Date): Promise<string> {
  const visible = readableTicketsWhere(actor);
  const { bucket, since } = markWindow(now);
  // Roles that read every ticket need no join at all.
  const scoped = Object.keys(visible).length > 0;
  const steps = await db.ticketEvent.count({ where: { createdAt: { gte: since }, ...(scoped && { ticket: visible }) } });
  return changeMark(bucket, steps);
}

/** The tickets an audience's notices are about (floor: every ticket the role reads). */
function noticeScope(actor: Actor, audience: NoticeAudience): Prisma.TicketWhereInput {
  if (audience.scope === "floor") return readableTicketsWhere(actor);
  if (!actor.unitId) throw new Forbidden("您不属于任何单位，没有单位通知");
  return ownUnitTicketsWhere(actor.unitId);
}

const ticketRef = { select: { no: true, title: true } } as const;

/** 临期 is looked for among open tickets whose earliest deadline falls within this time ahead. */
const NEAR_SCAN_MS = 7 * 24 * 60 * 60 * 1000;
const NEAR_SCAN_LIMIT = 200;
/** The columns the clocks are read from (ClockedTicket). */
const clockSelect = {
  status: true, anonymous: true, receivedAt: true, dispatchedAt: true, signDueAt: true, signedAt: true, signOverdueAt: true,
  contactDueAt: true, firstContactAt: true, contactOverdueAt: true, dueAt: true, repliedAt: true, dueOverdueAt: true,
} as const;

/** Each source reads its newest NOTICE_LIMIT through an index; collectNotices merges them. */
async function candidates(actor: Actor, audience: NoticeAudience, now: Date): Promise<NoticeCandidate[]> {
  const since = new Date(now.getTime() - NOTICE_WINDOW_MS);
  const scope = noticeScope(actor, audience);
  const scoped = Object.keys(scope).length > 0;
  const sources: Promise<NoticeCandidate[]>[] = [];

  const types = noticeEventTypes(audience);
  if (types.length > 0) {
    // Through TicketEvent's (type, createdAt) index: notice steps are few among all steps.
    sources.push(
      db.ticketEvent
        .findMany({
          where: { type: { in: types }, createdAt: { gte: since }, ...(scoped && { ticket: scope }) },
          orderBy: { createdAt: "desc" },
          take: NOTICE_LIMIT,
          select: { type: true, createdAt: true, ticket: ticketRef },
        })
        .then((rows) => rows.map((r) => ({ kind: noticeKindOfEvent(r.type)!, ...r.ticket, at: r.createdAt }))),
    );
  }
  if (audience.kinds.includes("NEAR")) sources.push(nearCandidates(scope, now));
  if (audience.kinds.includes("ASSIST") && actor.unitId) {
    // 协办 requests addressed to the unit (the ticket is another unit's).
    sources.push(
      db.assistRequest
        .findMany({
          where: { assistingUnitId: actor.unitId, createdAt: { gte: since } },
          orderBy: { createdAt: "desc" },
          take: NOTICE_LIMIT,
          select: { createdAt: true, ticket: ticketRef },
        })
        .then((rows) => rows.map((r) => ({ kind: "ASSIST" as const, ...r.ticket, at: r.createdAt }))),
    );
  }
  return (await Promise.all(sources)).flat();
}

/**
 * 临期 by the deadline badge's rule (nearSince). That rule depends on each clock's span, which no
 * index answers; the (ownerUnitId, status, escalationAt) index narrows it to the open tickets whose
 * earliest deadline is still ahead within NEAR_SCAN_MS (a 超期 ticket is 超期, not 临期), and the
 * rule is applied to those.
 */
async function nearCandidates(scope: Prisma.TicketWhereInput, now: Date): Promise<NoticeCandidate[]> {
  const { settings } = await reference();
  const rows = await db.ticket.findMany({
    where: { AND: [scope, { status: { in: [...OPEN_STATUSES] }, escalationAt: { gte: now, lte: new Date(now.getTime() + NEAR_SCAN_MS) } }] },
    orderBy: { escalationAt: "asc" },
    take: NEAR_SCAN_LIMIT,
    select: { no: true, title: true, ...clockSelect },
  });
  return rows.flatMap((r) => {
    const at = nearSince({ ...r, status: r.status as TicketStatus }, now, settings.nearDueFraction);
    return at ? [{ kind: "NEAR" as const, no: r.no, title: r.title, at }] : [];
  });
}

/**
 * GET /api/v1/me/pulse. Refused (403) for a role that reads no tickets; a role without notices
 * gets the mark alone.
 */
export async function pulse(actor: Actor, now: Date = new Date()): Promise<Pulse> {
  const audience = noticeAudience(actor.role);
  const [changed, found, user] = await Promise.all([
    mark(actor, now),
    audience ? candidates(actor, audience, now) : Promise.resolve([]),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { noticesReadAt: true } }),
  ]);
  const { notices, unread } = collectNotices(found, user.noticesReadAt);
  return { mark: changed, unread, notices, sound: audience?.sound ?? false };
}

/** 全部标为已读: notices up to the newest one the user was shown (nextReadCursor). */
export async function markNoticesRead(actor: Actor, shownUpTo: Date, now: Date = new Date()): Promise<void> {
  if (!noticeAudience(actor.role)) throw new Forbidden("您没有站内通知");
  const upTo = readCursorFor(shownUpTo, now);
  // One statement, and only forwards: a stale tab's click cannot bring back notices already read.
  await db.user.updateMany({
    where: { id: actor.userId, OR: [{ noticesReadAt: null }, { noticesReadAt: { lt: upTo } }] },
    data: { noticesReadAt: upTo },
  });
}
