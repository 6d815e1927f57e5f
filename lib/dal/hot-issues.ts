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
import { expressionBuilder, sql as kyselySql, type Expression, type NotNull, type SqlBool } from "kysely";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { changeMark, SHARED_READ_MS } from "@/lib/dal/change-mark";
import { countedSql } from "@/lib/dal/metrics/counter-sql";
import { reference, type Reference } from "@/lib/dal/reference";
import { findHotIssues, HOT_ISSUE_MIN_TICKETS, type HotIssue } from "@/lib/domain/duplicates";
import { EVENT_TYPES } from "@/lib/domain/events";
import { CATEGORY_LABELS, type CategoryCode, type TicketStatus } from "@/lib/domain/labels";
import { formatLocalDateTime } from "@/lib/domain/local-time";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";
import { env } from "@/lib/env";
import type { DB, Ticket } from "@/lib/generated/kysely/types";
import { newId } from "@/lib/ids";
import { sql, type Sql } from "@/lib/sql";
import { toDate, toMillis } from "@/lib/sql/values";
import { write, type WriteTx } from "@/lib/sql/write";
import { ttlCache } from "@/lib/ttl-cache";
import { parseOrThrow } from "@/lib/validation/errors";
import {
  hotIssueQuerySchema,
  hotIssueReviewSchema,
  type HotIssueQueryInput,
  type HotIssueReviewFilter,
} from "@/lib/validation/hot-issues";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The Ticket statements here read it as t; their conditions are built once with this. */
const eb = expressionBuilder<DB & { t: Ticket }, "t">();
/** Merged and invalid tickets are not reports of their own (findHotIssues skips them too). */
const COUNTED = kyselySql.raw<SqlBool>(countedSql("t"));

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

const TICKET_COLUMNS = ["t.id", "t.no", "t.title", "t.status", "t.categoryCode", "t.place", "t.receivedAt", "t.ownerUnitId"] as const;

type TicketRow = {
  id: string;
  no: string;
  title: string;
  status: TicketStatus;
  categoryCode: string;
  place: string | null;
  receivedAt: Date;
  ownerUnitId: string | null;
};

/** A row selected with TICKET_COLUMNS, its date read back as Date. */
const ticketRow = (r: Omit<TicketRow, "receivedAt"> & { receivedAt: Date | number }): TicketRow => ({ ...r, receivedAt: toDate(r.receivedAt) });

/** A ticket as findHotIssues groups it. */
const reported = (r: TicketRow) => ({ no: r.no, category: r.categoryCode, place: r.place, status: r.status, receivedAt: r.receivedAt });

/**
 * SQLite only: a unary `+` keeps a column's indexes out of the planner's choice (see
 * candidateTickets). PostgreSQL has no such operator for text and plans by its statistics.
 */
const unindexed = (column: Expression<unknown>) => (env().databaseEngine === "postgresql" ? column : kyselySql`+${column}`);

/**
 * The window's tickets on a place + category reported at least HOT_ISSUE_MIN_TICKETS times. Both
 * selects walk the window along the receivedAt index (or (ownerUnitId, receivedAt) for a unit);
 * the inner one counts, so only the tickets of candidate groups are read in full. The unary `+`
 * keeps the outer select off the (categoryCode, placeKey, status) index, which would read each
 * busy place's whole history (years of tickets) to keep the window's few: 2.5× slower at 90 days.
 */
async function candidateTickets(scope: Scope, from: Date, to: Date): Promise<TicketRow[]> {
  const window = eb.and([
    eb("t.receivedAt", ">=", from),
    eb("t.receivedAt", "<=", to),
    eb("t.placeKey", "is not", null),
    COUNTED,
    ...(scope.all ? [] : [eb(`t.${scope.column}`, "=", scope.unitId)]),
  ]);
  const groups = eb
    .selectFrom("Ticket as t")
    .select(["t.categoryCode", "t.placeKey"])
    .where(window)
    .groupBy(["t.categoryCode", "t.placeKey"])
    .having((e) => e.fn.countAll(), ">=", HOT_ISSUE_MIN_TICKETS);
  const rows = await sql()
    .selectFrom("Ticket as t")
    .select(TICKET_COLUMNS)
    .where(window)
    .where(kyselySql<SqlBool>`(${unindexed(eb.ref("t.categoryCode"))}, ${eb.ref("t.placeKey")}) IN ${groups}`)
    .execute();
  return rows.map(ticketRow);
}

/**
 * The window's candidates are the same for everyone in a scope, and finding them reads every
 * ticket of the window (30 days: ~280,000 at 10,000,000 tickets, 200 ms). They are shared for a
 * few seconds while nothing changed (lib/dal/change-mark.ts); reviews are read on every view.
 */
const sharedCandidates = ttlCache<TicketRow[]>(SHARED_READ_MS, 200);

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

/** Reviews that can cover a ticket of the window: their last ticket is in it (lastAt index). */
async function reviewsSince(db: Sql | WriteTx, from: Date): Promise<ReviewRow[]> {
  const rows = await db
    .selectFrom("HotIssue as h")
    .leftJoin("User as u", "u.id", "h.reviewedById")
    .select(["h.placeKey", "h.categoryCode", "h.firstAt", "h.lastAt", "h.ticketCount", "h.reviewedAt", "h.reviewNote", "u.displayName as reviewer"])
    .where("h.lastAt", ">=", from)
    .where("h.reviewedAt", "is not", null)
    .$narrowType<{ reviewedAt: NotNull }>()
    .execute();
  return rows.map((r) => ({ ...r, firstAt: toMillis(r.firstAt), lastAt: toMillis(r.lastAt), reviewedAt: toMillis(r.reviewedAt) }));
}

const groupKey = (category: string, placeKey: string) => `${category}\u0000${placeKey}`;

/** The review of a group, as explained at the top: own firstAt first, else the latest covering one. */
function matchReview(issue: HotIssue, receivedAts: number[], reviews: readonly ReviewRow[]): HotIssueReview | null {
  const first = issue.firstAt.getTime();
  const same = reviews.filter((r) => r.placeKey === issue.placeKey && r.categoryCode === issue.category);
  const row =
    same.find((r) => r.firstAt === first) ??
    same.filter((r) => receivedAts.some((at) => at >= r.firstAt && at <= r.lastAt)).sort((a, b) => b.reviewedAt - a.reviewedAt)[0];
  if (!row) return null;
  return {
    reviewedAt: new Date(row.reviewedAt),
    reviewedBy: row.reviewer,
    note: row.reviewNote ?? "",
    ticketCount: row.ticketCount,
    newSinceReview: receivedAts.filter((at) => at > row.lastAt).length,
  };
}

function categoryName(ref: Reference, code: string): string {
  return ref.categories.find((c) => c.code === code)?.name ?? CATEGORY_LABELS[code as CategoryCode] ?? code;
}

/**
 * 集中反映 of the last `days` days (30 by default) the actor may see, each with its tickets and
 * review: unreviewed first, then the most tickets, then the latest report.
 */
export async function listHotIssues(actor: Actor, raw: HotIssueQueryInput = {}, at?: Date): Promise<HotIssueList> {
  const ref = await reference();
  const query = parseOrThrow(hotIssueQuerySchema, raw);
  const scope = scopeOf(actor, ref, query.unit);
  const now = at ?? new Date();
  const from = new Date(now.getTime() - query.days * DAY_MS);

  // A given instant (a test, a report of the past) is read as it was; the live page may share.
  const rows = at
    ? await candidateTickets(scope, from, now)
    : await sharedCandidates(`${scope.all ? "all" : `${scope.column}:${scope.unitId}`}|${query.days}|${await changeMark()}`, () => candidateTickets(scope, from, now));
  const byNo = new Map(rows.map((r) => [r.no, r]));
  const issues = findHotIssues(rows.map(reported), now, query.days);
  const reviews = issues.length > 0 ? await reviewsSince(sql(), from) : [];
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
        status: m.status,
        receivedAt: m.receivedAt,
        ownerUnit: owner?.code ?? null,
        ownerUnitName: owner?.name ?? null,
      };
    });
    const unitIds = [...new Set(members.map((m) => m.ownerUnitId).filter((id): id is string => !!id))];
    unitIds.sort((a, b) => (unitOrder.get(a) ?? 0) - (unitOrder.get(b) ?? 0));
    const review = matchReview(issue, members.map((m) => m.receivedAt.getTime()), reviews);
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
  const from = new Date(now.getTime() - input.days * DAY_MS);

  // The group as it is now, read inside the write transaction. On PostgreSQL its tickets are
  // locked first: a second manager reviewing the same group waits for the first to commit and
  // then finds the review (409), as SQLite's single writer gives by itself.
  return write(async (tx) => {
    const rows = (
      await tx
        .selectFrom("Ticket as t")
        .select(TICKET_COLUMNS)
        .where("t.categoryCode", "=", input.category)
        .where("t.placeKey", "=", input.placeKey)
        .where(COUNTED)
        .where("t.receivedAt", ">=", from)
        .where("t.receivedAt", "<=", now)
        .$if(env().databaseEngine === "postgresql", (query) => query.forUpdate())
        .execute()
    ).map(ticketRow);
    const issue = findHotIssues(rows.map(reported), now, input.days).find(
      (i) => i.placeKey === input.placeKey && i.category === input.category && i.firstAt.getTime() === input.firstAt.getTime(),
    );
    if (!issue) {
      throw new Invalid(
        [{ field: "_", message: `该地点同类诉求在近 ${input.days} 天内已不足 ${HOT_ISSUE_MIN_TICKETS} 件或已有变化，不再构成这一集中反映，请刷新页面后重试` }],
        "该问题已不再构成集中反映",
      );
    }
    const byNo = new Map(rows.map((r) => [r.no, r]));
    const members = issue.tickets.map((no) => byNo.get(no)!);
    const receivedAts = members.map((m) => m.receivedAt.getTime());

    const existing = matchReview(issue, receivedAts, await reviewsSince(tx, from));
    if (existing && existing.newSinceReview === 0) {
      throw new Conflict(
        `该集中反映已由${existing.reviewedBy ?? "他人"}于 ${formatLocalDateTime(existing.reviewedAt)} 研判，请刷新页面查看`,
      );
    }

    const review = { lastAt: issue.lastAt, ticketCount: members.length, reviewedAt: now, reviewedById: actor.userId, reviewNote: input.note, updatedAt: now };
    await tx
      .insertInto("HotIssue")
      .values({ id: newId(), placeKey: issue.placeKey, categoryCode: issue.category, firstAt: issue.firstAt, createdAt: now, ...review })
      .onConflict((conflict) => conflict.columns(["placeKey", "categoryCode", "firstAt"]).doUpdateSet(review))
      .execute();
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
