import "server-only";
// 集中反映 (DOMAIN.md §5, issue #5 item 3): places that keep being reported, for the people who
// decide what to do about them, and the manager's 研判 (review) of each.
//
// Scope. MANAGER and DISPATCHER see every unit; a `unit` filter keeps the hot issues that unit
// owns at least one ticket of (the group itself stays whole, so its count and its review key are
// the same as in the unfiltered list). A LEAD sees the hot issues formed by their own unit's
// tickets only: the group is computed over those tickets, so a LEAD never sees another unit's
// ticket, and a place shared 2 + 1 between two brigades is a hot issue for managers only.
//
// Review key. A HotIssue row is keyed by (placeKey, categoryCode, firstAt) of the group reviewed
// and covers the tickets received in [firstAt, lastAt]. The list matches a group to the row with
// its own firstAt first; failing that (another look-back window, a LEAD's part of the group, the
// oldest ticket having left the window) to the latest row covering one of its tickets, so a
// review does not vanish when the window moves. Tickets received after the row's lastAt are
// shown as 研判后新增, and a manager may review the group again.
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { CompiledQuery } from "kysely";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { countedSql } from "@/lib/dal/metrics/counter-sql";
import { reference, type Reference } from "@/lib/dal/reference";
import { findHotIssues, HOT_ISSUE_MIN_TICKETS, type HotIssue } from "@/lib/domain/duplicates";
import { EVENT_TYPES } from "@/lib/domain/events";
import { CATEGORY_LABELS, type CategoryCode, type TicketStatus } from "@/lib/domain/labels";
import { formatLocalDateTime } from "@/lib/domain/local-time";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { write } from "@/lib/sql/write";
import { prepared, rawSqlite } from "@/lib/sqlite";
import { parseOrThrow } from "@/lib/validation/errors";
import {
  hotIssueQuerySchema,
  hotIssueReviewSchema,
  type HotIssueQueryInput,
  type HotIssueReviewFilter,
} from "@/lib/validation/hot-issues";

type Raw = Database.Database;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Merged and invalid tickets are not reports of their own (findHotIssues skips them too). */
const COUNTED = countedSql("t");

export type HotIssueTicketRow = {
  no: string;
  title: string;
  status: TicketStatus;
  receivedAt: Date;
  ownerUnit: string | null;
  ownerUnitName: string | null;
};

export type HotIssueReview = {
  reviewedAt: Date;
  reviewedBy: string | null;
  note: string;
  /** How many tickets the group had when it was reviewed. */
  ticketCount: number;
  /** 研判后新增: tickets of the group received after the review's last ticket. */
  newSinceReview: number;
};

export type HotIssueItem = {
  placeKey: string;
  /** The place as callers wrote it most often. */
  place: string;
  category: CategoryCode;
  categoryName: string;
  ticketCount: number;
  firstAt: Date;
  lastAt: Date;
  /** Owner units of the group's tickets, in the organisation's order. */
  units: { code: string; name: string }[];
  /** Oldest first. */
  tickets: HotIssueTicketRow[];
  review: HotIssueReview | null;
  /** The actor may mark it 已研判 now: a manager, and never reviewed or grown since. */
  canReview: boolean;
};

export type HotIssueList = {
  days: number;
  reviewed: HotIssueReviewFilter;
  /** The `unit` filter of an all-units role, or the LEAD's own unit. */
  unit: { code: string; name: string } | null;
  /** Before the review filter, for its tabs. */
  counts: Record<HotIssueReviewFilter, number>;
  items: HotIssueItem[];
};

type Scope =
  | { all: true; filterUnitId: string | null; unit: { code: string; name: string } | null }
  | { all: false; column: "ownerUnitId" | "squadronUnitId"; unitId: string; unit: { code: string; name: string } | null };

function scopeOf(actor: Actor, ref: Reference, unitCode: string | undefined): Scope {
  if (can(actor.role, "metrics:read:all") || can(actor.role, "ticket:supervise")) {
    if (!unitCode) return { all: true, filterUnitId: null, unit: null };
    const unit = ref.unitByCode.get(unitCode);
    // An unknown unit code matches nothing rather than everything.
    return { all: true, filterUnitId: unit?.id ?? "", unit: unit ? { code: unit.code, name: unit.name } : null };
  }
  if (can(actor.role, "dashboard:view") && actor.unitId) {
    const own = ref.unitById.get(actor.unitId);
    // A squadron's tickets are owned by its brigade and carry the squadron (as on the workbench).
    return {
      all: false,
      column: own?.kind === "SQUADRON" ? "squadronUnitId" : "ownerUnitId",
      unitId: actor.unitId,
      unit: own ? { code: own.code, name: own.name } : null,
    };
  }
  throw new Forbidden("您没有查看集中反映的权限");
}

type TicketRow = {
  id: string;
  no: string;
  title: string;
  status: string;
  categoryCode: string;
  place: string | null;
  receivedAt: number;
  ownerUnitId: string | null;
};

const TICKET_COLUMNS = `t."id", t."no", t."title", t."status", t."categoryCode", t."place", t."receivedAt", t."ownerUnitId"`;

/**
 * The window's tickets on a place + category reported at least HOT_ISSUE_MIN_TICKETS times. Both
 * selects walk the window along the receivedAt index (or (ownerUnitId, receivedAt) for a unit);
 * the inner one counts, so only the tickets of candidate groups are read in full. The unary `+`
 * keeps the outer select off the (categoryCode, placeKey, status) index, which would read each
 * busy place's whole history (years of tickets) to keep the window's few: 2.5× slower at 90 days.
 */
function candidateTickets(scope: Scope, from: number, to: number): TicketRow[] {
  const unitCond = scope.all ? "" : ` AND t."${scope.column}" = ?`;
  const unitParams = scope.all ? [] : [scope.unitId];
  const where = `t."receivedAt" >= ? AND t."receivedAt" <= ? AND t."placeKey" IS NOT NULL AND ${COUNTED}${unitCond}`;
  const sql =
    `SELECT ${TICKET_COLUMNS} FROM "Ticket" t WHERE ${where} AND (+t."categoryCode", t."placeKey") IN ` +
    `(SELECT t."categoryCode", t."placeKey" FROM "Ticket" t WHERE ${where} GROUP BY t."categoryCode", t."placeKey" HAVING count(*) >= ?)`;
  const params = [from, to, ...unitParams];
  return prepared(rawSqlite(), sql).all(...params, ...params, HOT_ISSUE_MIN_TICKETS) as TicketRow[];
}

type ReviewRow = {
  placeKey: string;
  categoryCode: string;
  firstAt: number;
  lastAt: number;
  ticketCount: number;
  reviewedAt: number;
  reviewNote: string | null;
  reviewer: string | null;
};

const REVIEW_SELECT = `SELECT h."placeKey", h."categoryCode", h."firstAt", h."lastAt", h."ticketCount", h."reviewedAt", h."reviewNote",
  u."displayName" AS "reviewer" FROM "HotIssue" h LEFT JOIN "User" u ON u."id" = h."reviewedById"`;

/** Reviews that can cover a ticket of the window: their last ticket is in it (lastAt index). */
const REVIEWS_SINCE = `${REVIEW_SELECT} WHERE h."lastAt" >= ? AND h."reviewedAt" IS NOT NULL`;

function reviewsSince(sqlite: Raw, from: number): ReviewRow[] {
  return prepared(sqlite, REVIEWS_SINCE).all(from) as ReviewRow[];
}

const groupKey = (category: string, placeKey: string) => `${category}\u0000${placeKey}`;

/** The review of a group, as explained at the top: own firstAt first, else the latest covering one. */
function matchReview(issue: HotIssue, receivedAts: number[], reviews: readonly ReviewRow[]): HotIssueReview | null {
  const first = issue.firstAt.getTime();
  const same = reviews.filter((r) => r.placeKey === issue.placeKey && r.categoryCode === issue.category);
  const row =
    same.find((r) => Number(r.firstAt) === first) ??
    same
      .filter((r) => receivedAts.some((at) => at >= Number(r.firstAt) && at <= Number(r.lastAt)))
      .sort((a, b) => Number(b.reviewedAt) - Number(a.reviewedAt))[0];
  if (!row) return null;
  return {
    reviewedAt: new Date(Number(row.reviewedAt)),
    reviewedBy: row.reviewer,
    note: row.reviewNote ?? "",
    ticketCount: row.ticketCount,
    newSinceReview: receivedAts.filter((at) => at > Number(row.lastAt)).length,
  };
}

function categoryName(ref: Reference, code: string): string {
  return ref.categories.find((c) => c.code === code)?.name ?? CATEGORY_LABELS[code as CategoryCode] ?? code;
}

/**
 * 集中反映 of the last `days` days (30 by default) the actor may see, each with its tickets and
 * review: unreviewed first, then the most tickets, then the latest report.
 */
export async function listHotIssues(actor: Actor, raw: HotIssueQueryInput = {}, now: Date = new Date()): Promise<HotIssueList> {
  const ref = await reference();
  const query = parseOrThrow(hotIssueQuerySchema, raw);
  const scope = scopeOf(actor, ref, query.unit);
  const to = now.getTime();
  const from = to - query.days * DAY_MS;

  const rows = candidateTickets(scope, from, to);
  const byNo = new Map(rows.map((r) => [r.no, r]));
  const issues = findHotIssues(
    rows.map((r) => ({ no: r.no, category: r.categoryCode, place: r.place, status: r.status, receivedAt: new Date(Number(r.receivedAt)) })),
    now,
    query.days,
  );
  const reviews = issues.length > 0 ? reviewsSince(rawSqlite(), from) : [];
  const mayReview = can(actor.role, "ticket:supervise");
  const unitOrder = new Map(ref.units.map((u, i) => [u.id, i]));

  const groups = issues
    .map((issue) => ({ issue, members: issue.tickets.map((no) => byNo.get(no)!) }))
    .filter(({ members }) => !scope.all || scope.filterUnitId === null || members.some((m) => m.ownerUnitId === scope.filterUnitId));
  let items = groups.map(({ issue, members }): HotIssueItem => {
    const tickets = members.map((m): HotIssueTicketRow => {
      const owner = m.ownerUnitId ? ref.unitById.get(m.ownerUnitId) : undefined;
      return {
        no: m.no,
        title: m.title,
        status: m.status as TicketStatus,
        receivedAt: new Date(Number(m.receivedAt)),
        ownerUnit: owner?.code ?? null,
        ownerUnitName: owner?.name ?? null,
      };
    });
    const unitIds = [...new Set(members.map((m) => m.ownerUnitId).filter((id): id is string => !!id))];
    unitIds.sort((a, b) => (unitOrder.get(a) ?? 0) - (unitOrder.get(b) ?? 0));
    const review = matchReview(issue, members.map((m) => Number(m.receivedAt)), reviews);
    return {
      placeKey: issue.placeKey,
      place: issue.place,
      category: issue.category as CategoryCode,
      categoryName: categoryName(ref, issue.category),
      ticketCount: tickets.length,
      firstAt: issue.firstAt,
      lastAt: issue.lastAt,
      units: unitIds.flatMap((id) => {
        const u = ref.unitById.get(id);
        return u ? [{ code: u.code, name: u.name }] : [];
      }),
      tickets,
      review,
      // A LEAD's group may be only part of the manager's; reviews are of the whole group.
      canReview: mayReview && scope.all && (!review || review.newSinceReview > 0),
    };
  });

  const counts = {
    all: items.length,
    open: items.filter((i) => !i.review).length,
    reviewed: items.filter((i) => i.review).length,
  };
  if (query.reviewed !== "all") items = items.filter((i) => (query.reviewed === "reviewed") === !!i.review);
  items.sort(
    (a, b) =>
      Number(!!a.review) - Number(!!b.review) ||
      b.ticketCount - a.ticketCount ||
      b.lastAt.getTime() - a.lastAt.getTime() ||
      (groupKey(a.category, a.placeKey) < groupKey(b.category, b.placeKey) ? -1 : 1),
  );
  return { days: query.days, reviewed: query.reviewed, unit: scope.unit, counts, items };
}

export type HotIssueReviewResult = {
  placeKey: string;
  category: CategoryCode;
  firstAt: Date;
  ticketCount: number;
  reviewedAt: Date;
  note: string;
};

const UPSERT_REVIEW = `INSERT INTO "HotIssue"
  ("id", "placeKey", "categoryCode", "firstAt", "lastAt", "ticketCount", "reviewedAt", "reviewedById", "reviewNote", "createdAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("placeKey", "categoryCode", "firstAt") DO UPDATE SET
    "lastAt" = excluded."lastAt", "ticketCount" = excluded."ticketCount", "reviewedAt" = excluded."reviewedAt",
    "reviewedById" = excluded."reviewedById", "reviewNote" = excluded."reviewNote", "updatedAt" = excluded."updatedAt"`;

/**
 * 标记已研判 (MANAGER). `raw` is { placeKey, category, firstAt, note, days? } (hotIssueReviewSchema:
 * form fields or JSON, firstAt a Date or an ISO string). Re-derives the group from the tickets as they are now — the client only
 * names it — and records the review on the HotIssue row and as an internal NOTE on each of its
 * tickets, in one transaction. Ticket versions are not bumped: a note changes no ticket state,
 * and a handler's open form must not go stale because a manager reviewed the place.
 */
export async function reviewHotIssue(actor: Actor, raw: unknown, now: Date = new Date()): Promise<HotIssueReviewResult> {
  if (!can(actor.role, "ticket:supervise")) throw new Forbidden("只有支队领导可以研判集中反映");
  const input = parseOrThrow(hotIssueReviewSchema, raw);
  const to = now.getTime();
  const from = to - input.days * DAY_MS;

  // The same statements as the reads of this module, run inside the write transaction (the
  // module's reads are still SQLite's: docs/postgresql.md).
  return write(async (tx) => {
    const run = async <R>(sql: string, parameters: unknown[]) => (await tx.executeQuery<R>(CompiledQuery.raw(sql, parameters))).rows;
    const rows = await run<TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM "Ticket" t WHERE t."categoryCode" = ? AND t."placeKey" = ? AND ${COUNTED}
       AND t."receivedAt" >= ? AND t."receivedAt" <= ?`,
      [input.category, input.placeKey, from, to],
    );
    const issue = findHotIssues(
      rows.map((r) => ({ no: r.no, category: r.categoryCode, place: r.place, status: r.status, receivedAt: new Date(Number(r.receivedAt)) })),
      now,
      input.days,
    ).find((i) => i.placeKey === input.placeKey && i.category === input.category && i.firstAt.getTime() === input.firstAt.getTime());
    if (!issue) {
      throw new Invalid(
        [{ field: "_", message: `该地点同类诉求在近 ${input.days} 天内已不足 ${HOT_ISSUE_MIN_TICKETS} 件或已有变化，不再构成这一集中反映，请刷新页面后重试` }],
        "该问题已不再构成集中反映",
      );
    }
    const byNo = new Map(rows.map((r) => [r.no, r]));
    const members = issue.tickets.map((no) => byNo.get(no)!);
    const receivedAts = members.map((m) => Number(m.receivedAt));

    const existing = matchReview(issue, receivedAts, await run<ReviewRow>(REVIEWS_SINCE, [from]));
    if (existing && existing.newSinceReview === 0) {
      throw new Conflict(
        `该集中反映已由${existing.reviewedBy ?? "他人"}于 ${formatLocalDateTime(existing.reviewedAt)} 研判，请刷新页面查看`,
      );
    }

    await run(UPSERT_REVIEW, [randomUUID(), issue.placeKey, issue.category, issue.firstAt, issue.lastAt, members.length, now, actor.userId, input.note, now, now]);
    const payload = JSON.stringify({
      text: `集中反映已研判：${input.note}`,
      hotIssue: { place: issue.place, category: issue.category, firstAt: issue.firstAt.toISOString(), ticketCount: members.length },
    });
    await tx
      .insertInto("TicketEvent")
      .values(
        members.map((member) => ({
          id: newId(),
          ticketId: member.id,
          type: "NOTE" as const,
          visibility: EVENT_TYPES.NOTE.visibility,
          actorId: actor.userId,
          actorUnitId: actor.unitId,
          payload,
          createdAt: now,
        })),
      )
      .execute();
    return {
      placeKey: issue.placeKey,
      category: issue.category as CategoryCode,
      firstAt: issue.firstAt,
      ticketCount: members.length,
      reviewedAt: now,
      note: input.note,
    };
  });
}
