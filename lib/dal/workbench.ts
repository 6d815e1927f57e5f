import "server-only";
// 工作台 (Issue 4 item 3): a unit's queue with tab counts, on either engine (lib/sql).
//
// Scope. HANDLER / LEAD see their unit's tickets: owner unit, or squadron for a squadron's staff
// (tickets where the unit only assists are under 协办请求). DISPATCHER / MANAGER see every
// unit, optionally narrowed with `unit`.
//
// Tabs (all counted in one statement of indexed sub-selects; 全部 of a unit from the aggregates):
//   mine        我的待办  — the role's rule in lib/domain/my-queue.ts (the default tab; assigned to
//                           the actor first, then most urgent first);
//   all         全部      — the scope, no further condition;
//   pending     待签收    — status DISPATCHED;
//   inProgress  办理中    — status IN_PROGRESS;
//   near        临期      — open (PENDING/DISPATCHED/IN_PROGRESS) and now ≤ escalationAt ≤ now + 24 h
//                           (NEAR_WINDOW_MS). The per-deadline 20 % rule (deadlineFlags) depends on
//                           each clock's start and cannot be answered from an index; the fixed
//                           window is a range scan of (ownerUnitId, status, escalationAt). The row
//                           badges still show deadlineFlags' own 临期 / 超期;
//   overdue     超期      — open and escalationAt < now (the earliest unmet deadline has passed);
//   assist      协办请求  — an OPEN AssistRequest asks the actor's unit to help (any owner);
//   approvals   待我审批  — LEAD: PENDING ExtensionRequest on the unit's tickets; DISPATCHER:
//                           PENDING ExtensionRequest or ReturnRequest (all units / `unit`).
// The counts describe the queue, not the search: filters and `q` narrow the list (and its
// total), not the tab badges.
//
// Order: escalationAt ascending, tickets without one last; ties newest first by insertion order
// (rowKey: SQLite's rowid, which the index carries for free, unlike receivedAt). For the `all` tab
// that is read in two index-friendly parts — open tickets with a running deadline (few, sorted by
// escalationAt) and then everything else newest first along (ownerUnitId, receivedAt) — so the
// first page never sorts the unit's whole archive. A text search in 全部 lists newest first.
import { expressionBuilder, sql as kyselySql, type AliasableExpression, type Expression, type SqlBool } from "kysely";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { reference } from "@/lib/dal/reference";
import { TICKET_STATUSES, type CategoryCode, type TicketStatus, type TicketType, type Urgency } from "@/lib/domain/labels";
import { myQueueRule, type MyQueueRule } from "@/lib/domain/my-queue";
import { deadlineFlags, OPEN_STATUSES, type DeadlineFlag } from "@/lib/domain/overdue";
import { env } from "@/lib/env";
import { Forbidden } from "@/lib/errors";
import type { DB, Ticket } from "@/lib/generated/kysely/types";
import { sql } from "@/lib/sql";
import { toBoolean, toDate } from "@/lib/sql/values";
import { WORKBENCH_TABS, type WorkbenchQuery, type WorkbenchSort, type WorkbenchTab } from "@/lib/validation/workbench";

export const WORKBENCH_PAGE_SIZE = 50;
/**
 * A filtered or searched list is counted up to this many tickets, then shown as "1000+": a search
 * for a road matches hundreds of thousands of archived tickets at 10 million, and counting them
 * all would scan the unit's whole archive on every page view. The page itself is read in index
 * order and stops after its 50 rows; the tab badges stay exact (indexed counts).
 */
export const FILTERED_COUNT_CAP = 1_000;
/**
 * A search in the words (title, place) stops counting sooner — five pages: each ticket it counts
 * had its words read, where a status or category filter counts index entries. PostgreSQL spent
 * ~10 ms counting 1,000 matches of a common road at 10 million tickets, the largest part of the
 * search page's database time (bench:pages, issue 15).
 */
export const TEXT_SEARCH_COUNT_CAP = 250;
/** 临期 tab: open tickets whose earliest deadline falls within this window from now. */
export const NEAR_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Every statement here reads "Ticket" as t; conditions are built once and placed in any of them. */
const eb = expressionBuilder<DB & { t: Ticket }, "t">();
type Cond = Expression<SqlBool>;

const postgres = () => env().databaseEngine === "postgresql";

/**
 * Ties in insertion order. On SQLite the rowid, which every index entry carries: the page is
 * sorted on index entries alone. PostgreSQL has no rowid; ticket ids are time-ordered (newId).
 */
const rowKey = (): AliasableExpression<unknown> => (postgres() ? eb.ref("t.id") : kyselySql`t.rowid`);

/**
 * Status values inlined as literals, as the statements had them before the port: constant parts
 * of the statement stay visible to SQLite's planner, and the prepared-statement cache stays small.
 */
const lit = <V extends string>(value: V) => kyselySql.lit(value);
const OPEN = eb("t.status", "in", OPEN_STATUSES.map(lit));
const RUNNING = eb.and([OPEN, eb("t.escalationAt", "is not", null)]);
const NOT_RUNNING = eb.or([eb("t.status", "not in", OPEN_STATUSES.map(lit)), eb("t.escalationAt", "is", null)]);
const NOTHING = eb.lit(false);

/**
 * Substring search in a column, `%` and `_` in the text taken literally. Latin letters match
 * either case on both engines: SQLite's LIKE ignores their case, PostgreSQL's needs ILIKE.
 */
function contains(column: "t.title" | "t.place", text: string): Cond {
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return kyselySql<SqlBool>`${eb.ref(column)} ${kyselySql.raw(postgres() ? "ILIKE" : "LIKE")} ${pattern} ESCAPE '\\'`;
}

export type WorkbenchRow = {
  no: string;
  /** For bulk steps: each is checked against the version the officer saw. */
  version: number;
  title: string;
  status: TicketStatus;
  type: TicketType;
  category: CategoryCode;
  urgency: Urgency;
  ownerUnit: string | null;
  ownerUnitName: string | null;
  supervised: boolean;
  receivedAt: Date;
  dueAt: Date | null;
  escalationAt: Date | null;
  flags: { sign: DeadlineFlag; contact: DeadlineFlag; close: DeadlineFlag };
  /** Worst of the three flags: "OVERDUE" > "NEAR" > "OK"; null when no clock runs. */
  deadline: DeadlineFlag;
};

export type WorkbenchResult = {
  tabs: WorkbenchTab[];
  tab: WorkbenchTab;
  counts: Record<WorkbenchTab, number>;
  total: number;
  page: number;
  pageSize: number;
  items: WorkbenchRow[];
  /** The unit the queue is for (own unit, or the `unit` filter of an all-units role). */
  unit: { code: string; name: string } | null;
  /** `total` stopped at FILTERED_COUNT_CAP (TEXT_SEARCH_COUNT_CAP for words): there are more. */
  totalCapped: boolean;
};

type Scope = {
  owner: Cond[];
  /**
   * Whose archive the 全部 count is (a unit's id, or null for every unit), read from the
   * aggregates rather than counted: MetricMonthly counts every ticket once under its owner unit
   * (`received`), so their sum is the count of the unit's tickets — 2.5 million rows to count at
   * 10 million tickets. Absent where the scope is not an owner unit (a squadron).
   */
  archive?: { unitId: string | null };
  tabs: WorkbenchTab[];
  approvals: "extension" | "both" | null;
  mine: MyQueueRule | null;
  actorId: string;
  /** The tickets open requests point at (requestsOf). */
  requests: Requests;
};

/**
 * The tickets of the open requests the queue looks at: an OPEN 协办 asking the actor's unit, a
 * PENDING 延期, a PENDING 退单 — a handful of rows, read first and written into the statements as
 * id lists. As sub-selects inside 我的待办's OR they made PostgreSQL read the whole unit's open
 * tickets from the table (a BitmapOr: 20 ms at 10,000,000 tickets); with no request open, the
 * branch disappears and the unit's waiting tickets are counted and ordered from the queue index
 * alone (4 ms).
 */
type Requests = { assisting: string[]; extensions: string[]; returns: string[] };

async function requestsOf(assistUnitId: string | null, decides: boolean): Promise<Requests> {
  const ids = (rows: { ticketId: string }[]) => rows.map((r) => r.ticketId);
  const [assisting, extensions, returns] = await Promise.all([
    assistUnitId
      ? sql().selectFrom("AssistRequest").select("ticketId").where("assistingUnitId", "=", assistUnitId).where("status", "=", "OPEN").execute()
      : [],
    decides ? sql().selectFrom("ExtensionRequest").select("ticketId").where("status", "=", "PENDING").execute() : [],
    decides ? sql().selectFrom("ReturnRequest").select("ticketId").where("status", "=", "PENDING").execute() : [],
  ]);
  return { assisting: ids(assisting), extensions: ids(extensions), returns: ids(returns) };
}

/** t.id in a list; null for an empty list (the branch or tab holds nothing). */
const idsIn = (ids: string[]): Cond | null => (ids.length > 0 ? eb("t.id", "in", ids) : null);

/** 我的待办 leads the tabs of every role that has one. */
const withMine = (rule: MyQueueRule | null, tabs: WorkbenchTab[]): WorkbenchTab[] => (rule ? ["mine", ...tabs] : tabs);

async function scopeOf(actor: Actor, query: WorkbenchQuery): Promise<Scope & { unit: { code: string; name: string } | null }> {
  const ref = await reference();
  if (can(actor.role, "ticket:read:all")) {
    const unit = query.unit ? ref.unitByCode.get(query.unit) : undefined;
    // An unknown unit code matches nothing rather than everything.
    const owner = query.unit ? [eb("t.ownerUnitId", "=", unit?.id ?? "")] : [];
    const dispatcher = actor.role === "DISPATCHER";
    const mine = myQueueRule(actor.role);
    const tabs = withMine(mine, ["all", "pending", "inProgress", "near", "overdue", ...(dispatcher ? (["approvals"] as const) : [])]);
    // An unknown unit code has no archive (the owner condition matches nothing).
    const archive = !query.unit ? { unitId: null } : unit ? { unitId: unit.id } : undefined;
    const requests = await requestsOf(null, dispatcher);
    return { owner, tabs, archive, mine, actorId: actor.userId, approvals: dispatcher ? "both" : null, requests, unit: unit ? { code: unit.code, name: unit.name } : null };
  }
  if (can(actor.role, "ticket:read:unit") && actor.unitId) {
    const kind = ref.unitById.get(actor.unitId)?.kind;
    // A squadron is recorded as squadronUnitId under its brigade (no index on that column; the
    // squadron's queue is small). Brigades and other units own their tickets directly.
    const owner =
      kind === "SQUADRON"
        ? [eb.or([eb("t.ownerUnitId", "=", actor.unitId), eb("t.squadronUnitId", "=", actor.unitId)])]
        : [eb("t.ownerUnitId", "=", actor.unitId)];
    const lead = can(actor.role, "extension:decide");
    const mine = myQueueRule(actor.role);
    const tabs = withMine(mine, ["all", "pending", "inProgress", "near", "overdue", "assist", ...(lead ? (["approvals"] as const) : [])]);
    return {
      owner,
      tabs,
      archive: kind === "SQUADRON" ? undefined : { unitId: actor.unitId },
      mine,
      actorId: actor.userId,
      approvals: lead ? "extension" : null,
      requests: await requestsOf(actor.unitId, lead),
      unit: actor.unitCode && actor.unitName ? { code: actor.unitCode, name: actor.unitName } : null,
    };
  }
  throw new Forbidden("您没有使用工作台的权限");
}

/**
 * lib/domain/my-queue.ts's needsMyAction as SQL, one condition per clause of the rule: `waiting`
 * (the rule's statuses within the scope) apart, as the page reads it along the queue index, and
 * the clauses on open requests and reviews, which point at a handful of tickets.
 */
function mineClauses(rule: MyQueueRule, scope: Scope): { waiting: Cond[] | null; few: Cond[] } {
  const waiting = rule.statuses.length > 0 ? waitingClause(rule, scope, rule.statuses) : null;
  const few: Cond[] = [];
  const requested = idsIn([...scope.requests.extensions, ...scope.requests.returns]);
  if (rule.pendingRequests && requested) {
    // A flag is only ever set with its PENDING request (lib/dal/workflow/effects.ts): the few
    // requests find the tickets, where testing the flags read every open ticket (75 ms at 10M).
    const flagged = eb.or([eb("t.returnPending", "=", true), eb("t.extensionPending", "=", true)]);
    few.push(eb.and([...scope.owner, OPEN, requested, flagged]));
  }
  const assisting = idsIn(scope.requests.assisting);
  if (rule.assistRequests && assisting) few.push(assisting);
  if (rule.awaitingReview) few.push(eb.and([...scope.owner, eb("t.status", "=", lit("REPLIED")), eb("t.awaitingReview", "=", true)]));
  return { waiting, few };
}

/** The waiting clause of the rule for some of its statuses (the page reads them one by one). */
function waitingClause(rule: MyQueueRule, scope: Scope, statuses: readonly TicketStatus[]): Cond[] {
  const waiting = [...scope.owner, statuses.length === 1 ? eb("t.status", "=", lit(statuses[0]!)) : eb("t.status", "in", statuses.map(lit))];
  if (rule.skipReturnPending) waiting.push(eb("t.returnPending", "=", false));
  return waiting;
}

function mineCond(rule: MyQueueRule, scope: Scope): Cond {
  const { waiting, few } = mineClauses(rule, scope);
  const branches = waiting ? [eb.and(waiting), ...few] : few;
  return branches.length > 0 ? eb.or(branches) : NOTHING;
}

/** The condition of one tab, including the scope (assist replaces the owner scope). */
function tabCond(tab: WorkbenchTab, scope: Scope, now: Date): Cond {
  switch (tab) {
    case "mine":
      return scope.mine ? mineCond(scope.mine, scope) : NOTHING;
    case "all":
      return eb.and(scope.owner);
    case "pending":
      return eb.and([...scope.owner, eb("t.status", "=", lit("DISPATCHED"))]);
    case "inProgress":
      return eb.and([...scope.owner, eb("t.status", "=", lit("IN_PROGRESS"))]);
    case "near":
      return eb.and([
        ...scope.owner,
        OPEN,
        eb("t.escalationAt", ">=", now),
        eb("t.escalationAt", "<=", new Date(now.getTime() + NEAR_WINDOW_MS)),
      ]);
    case "overdue":
      return eb.and([...scope.owner, OPEN, eb("t.escalationAt", "<", now)]);
    case "assist":
      return idsIn(scope.requests.assisting) ?? NOTHING;
    case "approvals": {
      const { extensions, returns } = scope.requests;
      const decided = idsIn(scope.approvals === "both" ? [...extensions, ...returns] : scope.approvals === "extension" ? extensions : []);
      return decided ? eb.and([...scope.owner, decided]) : NOTHING;
    }
  }
}

/** All digits and long enough to be a ticket number or a phone: exact look-ups (indexed). */
const EXACT_Q = /^\d{7,20}$/;

function filterConds(query: WorkbenchQuery): Cond[] {
  const parts: Cond[] = [];
  if (query.status) parts.push(eb("t.status", "=", query.status));
  if (query.category) parts.push(eb("t.categoryCode", "=", query.category));
  if (query.q) {
    parts.push(
      EXACT_Q.test(query.q)
        ? eb.or([eb("t.no", "=", query.q), eb("t.citizenPhone", "=", query.q)])
        : eb.or([contains("t.title", query.q), contains("t.place", query.q)]),
    );
  }
  return parts;
}

type Order = [Expression<unknown>, "asc" | "desc"][];
const BY_ESCALATION = (): Order => [[eb.ref("t.escalationAt"), "asc"], [rowKey(), "desc"]];
const BY_RECEIPT = (): Order => [[eb.ref("t.receivedAt"), "desc"], [rowKey(), "desc"]];
const NULLS_LAST_BY_ESCALATION = (): Order => [[eb("t.escalationAt", "is", null), "asc"], ...BY_ESCALATION()];
/** 我的待办: the actor's own assignments first (a CASE, so that NULL sorts alike on both engines). */
const ASSIGNED_FIRST = (actorId: string): Order => [
  [eb.case().when("t.handlerId", "=", actorId).then(0).else(1).end(), "asc"],
  ...NULLS_LAST_BY_ESCALATION(),
];
const SORT_COLUMNS = { no: "t.no", receivedAt: "t.receivedAt", escalationAt: "t.escalationAt", dueAt: "t.dueAt", status: "t.status" } as const;
/** Statuses sort in the order a ticket passes through them (待派单 … 已办结), not by their codes. */
const STATUS_RANK = () =>
  TICKET_STATUSES.slice(1)
    .reduce((c, status, i) => c.when("t.status", "=", lit(status)).then(i + 1), eb.case().when("t.status", "=", lit(TICKET_STATUSES[0])).then(0))
    .end();
/** A chosen column (whitelisted by the query schema); empty values last in either direction. */
const BY_COLUMN = (sort: WorkbenchSort, dir: "asc" | "desc"): Order => [
  [eb(SORT_COLUMNS[sort], "is", null), "asc"],
  [sort === "status" ? STATUS_RANK() : eb.ref(SORT_COLUMNS[sort]), dir],
  [rowKey(), "desc"],
];

/** The row keys of `where` in `order`: a page of them is the inner select of rowsOf. */
function sortedKeys(where: Cond, order: Order) {
  let keys = eb.selectFrom("Ticket as t").select(rowKey().as("k")).where(where);
  for (const [by, direction] of order) keys = keys.orderBy(by, direction);
  return keys;
}

type Keys = ReturnType<typeof sortedKeys>;

/**
 * One page. The inner select finds the page's row keys, ordered on columns of the index it walks
 * (escalationAt, rowid), so on SQLite it sorts index entries only; the outer one reads those 50
 * rows. Reading every candidate row just to sort it costs ~40 ms for a unit's 16,000 open tickets.
 * PostgreSQL's index entries carry no sortable row key: it reads the candidates' ids from the
 * table (a bitmap heap scan of the same index range) and keeps the top 50 in a heap sort.
 */
async function rows(where: Cond, order: Order, limit: number, offset: number) {
  if (limit <= 0) return [];
  return rowsOf(sortedKeys(where, order).limit(limit).offset(offset), order);
}

/** The rows of a page of keys, in `order`. */
async function rowsOf(keys: Keys, order: Order) {
  let page = sql()
    .selectFrom("Ticket as t")
    .select([
      "t.no", "t.version", "t.title", "t.status", "t.type", "t.categoryCode", "t.urgency", "t.ownerUnitId", "t.supervised", "t.anonymous",
      "t.receivedAt", "t.dispatchedAt", "t.signDueAt", "t.signedAt", "t.signOverdueAt", "t.contactDueAt", "t.firstContactAt",
      "t.contactOverdueAt", "t.dueAt", "t.repliedAt", "t.dueOverdueAt", "t.escalationAt",
    ])
    .where(rowKey(), "in", keys);
  for (const [by, direction] of order) page = page.orderBy(by, direction);
  return page.execute();
}

/**
 * One page of an officer's 我的待办 (ASSIGNED_FIRST) without sorting the unit's waiting tickets:
 * at 10,000,000 tickets a brigade has 25,000 in progress, and "assigned to me first" is an order
 * no index holds, so the single statement sorted all of them on every view (PostgreSQL 6–13 ms).
 * Read instead in parts that each follow an index and stop after offset + 50 rows:
 *   - the waiting tickets assigned to the actor (Ticket_handler_queue_idx holds assigned tickets
 *     only: a handful);
 *   - per waiting status, everyone else's with a running deadline (the queue index in
 *     escalationAt order) and those without one;
 *   - the tickets of the rule's other clauses (open 协办 requests …: id lists).
 * One statement unites the parts and orders the union, so the database compares every row of the
 * page, as the single statement did, and the page's first offset + 50 rows are among the parts'.
 */
function assignedFirstKeys(rule: MyQueueRule, scope: Scope, filters: Cond[], offset: number): Keys {
  const take = offset + WORKBENCH_PAGE_SIZE;
  const assignedToMe = eb.case().when("t.handlerId", "=", scope.actorId).then(0).else(1).end();
  const part = (where: Cond[], order: Order) => {
    let keys = eb
      .selectFrom("Ticket as t")
      .select([rowKey().as("k"), assignedToMe.as("a"), "t.escalationAt as e"])
      .where(eb.and([...where, ...filters]));
    for (const [by, direction] of order) keys = keys.orderBy(by, direction);
    // Wrapped: SQLite takes ORDER BY and LIMIT only on the last select of a compound one.
    return eb.selectFrom(keys.limit(take).as("p")).selectAll();
  };
  const { waiting, few } = mineClauses(rule, scope);
  if (!waiting && few.length === 0) return sortedKeys(NOTHING, []);
  const parts = few.map((clause) => part([clause], ASSIGNED_FIRST(scope.actorId)));
  if (waiting) {
    const others = eb.or([eb("t.handlerId", "is", null), eb("t.handlerId", "!=", scope.actorId)]);
    parts.push(part([...waiting, eb("t.handlerId", "=", scope.actorId)], NULLS_LAST_BY_ESCALATION()));
    for (const status of rule.statuses) {
      // The one status alone, not beside the list: PostgreSQL multiplies the two estimates, takes
      // the 25,000 in progress for 3 and sorts them all rather than walk the index in order.
      const theirs = [...waitingClause(rule, scope, [status]), others];
      // Apart, as SQLite sorts NULL first. The second part's order is the first's, though its
      // escalationAt is NULL throughout: ordered by id alone, PostgreSQL walked the whole table
      // backwards along the primary key, hoping for 50 soon (3 s at 10,000,000 tickets).
      for (const running of ["is not", "is"] as const) parts.push(part([...theirs, eb("t.escalationAt", running, null)], BY_ESCALATION()));
    }
  }
  // UNION, not UNION ALL: a ticket of two clauses (its unit's, and asked to assist) counts once.
  const union = parts.slice(1).reduce((all, next) => all.union(next), parts[0]!);
  return eb
    .selectFrom(union.as("u"))
    .select("u.k")
    .orderBy("u.a")
    .orderBy(kyselySql`u.e IS NULL`)
    .orderBy("u.e")
    .orderBy("u.k", "desc")
    .limit(WORKBENCH_PAGE_SIZE)
    .offset(offset);
}

type Row = Awaited<ReturnType<typeof rows>>[number];

/** A count as a sub-select (the tab counts); pg returns count(*), a bigint, as a string. */
const countOf = (where: Cond) => eb.selectFrom("Ticket as t").select((e) => e.fn.countAll<number | string>().as("n")).where(where);

/** The tickets of a unit's archive (or of every unit) from the aggregates: see Scope.archive. */
function archiveCount({ unitId }: { unitId: string | null }) {
  let sums = eb.selectFrom("MetricMonthly").select((e) => e.fn.coalesce(e.fn.sum<number | string>("received"), e.lit(0)).as("n"));
  if (unitId !== null) sums = sums.where("unitId", "=", unitId);
  return sums;
}

/** One tab's badge as a sub-select of the counts statement. */
const tabCount = (tab: WorkbenchTab, scope: Scope, now: Date) =>
  tab === "all" && scope.archive ? archiveCount(scope.archive) : countOf(tabCond(tab, scope, now));

/** The tabs that are one status of the scope. */
const STATUS_TABS: Partial<Record<WorkbenchTab, TicketStatus>> = { pending: "DISPATCHED", inProgress: "IN_PROGRESS" };

/**
 * The badges, in one statement of indexed sub-selects. 我的待办's waiting clause is not counted on
 * its own: it is the sum of its statuses' counts (the 待签收 and 办理中 badges for an officer),
 * less the tickets being returned, plus the few tickets of its other clauses that it did not
 * already hold. Counting it whole walked a brigade's 25,000 tickets in progress a second time
 * per view at 10,000,000 tickets.
 */
async function tabCounts(scope: Scope, now: Date): Promise<Record<WorkbenchTab, number>> {
  const rule = scope.mine;
  const clauses = rule ? mineClauses(rule, scope) : null;
  const waiting = rule && clauses?.waiting ? { rule, clause: clauses.waiting, few: clauses.few } : null;
  const statuses = new Set(waiting?.rule.statuses);
  for (const tab of scope.tabs) if (STATUS_TABS[tab]) statuses.add(STATUS_TABS[tab]);

  const subSelects = scope.tabs
    .filter((tab) => !STATUS_TABS[tab] && !(tab === "mine" && waiting))
    .map((tab) => tabCount(tab, scope, now).as<string>(tab));
  for (const status of statuses) subSelects.push(countOf(eb.and([...scope.owner, eb("t.status", "=", lit(status))])).as(status));
  if (waiting?.rule.skipReturnPending) {
    // Found from their few PENDING requests (a flag is only ever set with its request), where
    // testing the flag would read it on every waiting ticket.
    const requested = eb.selectFrom("ReturnRequest").select("ticketId").where("status", "=", "PENDING");
    const returning = [...scope.owner, eb("t.status", "in", waiting.rule.statuses.map(lit)), eb("t.returnPending", "=", true), eb("t.id", "in", requested)];
    subSelects.push(countOf(eb.and(returning)).as("returning"));
  }
  if (waiting && waiting.few.length > 0) {
    // CASE, not NOT: a ticket with no owner unit is not waiting here, and NOT (NULL = …) is NULL.
    const uncounted = eb.case().when(eb.and(waiting.clause)).then(0).else(1).end();
    subSelects.push(
      eb.selectFrom("Ticket as t").select((e) => e.fn.coalesce(e.fn.sum<number | string>(uncounted), e.lit(0)).as("n")).where(eb.or(waiting.few)).as("mineFew"),
    );
  }
  const read = (await sql().selectNoFrom(subSelects).executeTakeFirstOrThrow()) as Record<string, number | string | null>;
  const n = (key: string) => Number(read[key] ?? 0);

  const counts = Object.fromEntries(WORKBENCH_TABS.map((t) => [t, 0])) as Record<WorkbenchTab, number>;
  for (const tab of scope.tabs) counts[tab] = n(STATUS_TABS[tab] ?? tab);
  if (waiting) counts.mine = waiting.rule.statuses.reduce((sum, status) => sum + n(status), 0) - n("returning") + n("mineFew");
  return counts;
}

/** How many tickets match, counting no further than `cap` + 1. */
async function countUpTo(where: Cond, cap: number): Promise<number> {
  const matches = eb.selectFrom("Ticket as t").select(eb.lit(1).as("one")).where(where).limit(cap + 1).as("m");
  const { n } = await sql()
    .selectFrom(matches)
    .select((e) => e.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function count(where: Cond): Promise<number> {
  const { n } = await sql()
    .selectFrom("Ticket as t")
    .select((e) => e.fn.countAll<number | string>().as("n"))
    .where(where)
    .executeTakeFirstOrThrow();
  return Number(n);
}

const RANK: Record<string, number> = { OK: 1, NEAR: 2, OVERDUE: 3 };

type Reference = Awaited<ReturnType<typeof reference>>;

function toRow(r: Row, ref: Reference, now: Date): WorkbenchRow {
  const clocked = {
    status: r.status,
    anonymous: toBoolean(r.anonymous),
    receivedAt: toDate(r.receivedAt),
    dispatchedAt: toDate(r.dispatchedAt),
    signDueAt: toDate(r.signDueAt),
    signedAt: toDate(r.signedAt),
    signOverdueAt: toDate(r.signOverdueAt),
    contactDueAt: toDate(r.contactDueAt),
    firstContactAt: toDate(r.firstContactAt),
    contactOverdueAt: toDate(r.contactOverdueAt),
    dueAt: toDate(r.dueAt),
    repliedAt: toDate(r.repliedAt),
    dueOverdueAt: toDate(r.dueOverdueAt),
  };
  const flags = deadlineFlags(clocked, now, ref.settings.nearDueFraction);
  const worst = [flags.sign, flags.contact, flags.close].reduce<DeadlineFlag>(
    (a, b) => ((b ? RANK[b]! : 0) > (a ? RANK[a]! : 0) ? b : a),
    null,
  );
  const owner = r.ownerUnitId ? ref.unitById.get(r.ownerUnitId) : undefined;
  return {
    no: r.no,
    version: Number(r.version),
    title: r.title,
    status: clocked.status,
    type: r.type,
    category: r.categoryCode as CategoryCode,
    urgency: r.urgency,
    ownerUnit: owner?.code ?? null,
    ownerUnitName: owner?.name ?? null,
    supervised: toBoolean(r.supervised),
    receivedAt: clocked.receivedAt,
    dueAt: clocked.dueAt,
    escalationAt: toDate(r.escalationAt),
    flags,
    deadline: worst,
  };
}

/** What a query selects: the scope, the tab it lands on, its condition and its order. */
async function planOf(actor: Actor, query: WorkbenchQuery, now: Date) {
  const scope = await scopeOf(actor, query);
  // 我的待办 is the landing tab of every role that has one (issue 13 item 8).
  const tab: WorkbenchTab = query.tab && scope.tabs.includes(query.tab) ? query.tab : scope.tabs[0]!;
  const filters = filterConds(query);
  const where = eb.and([tabCond(tab, scope, now), ...filters]);
  // null: the `all` tab's default order, read in two parts (see the top of the file). A text
  // search lists newest first, along (ownerUnitId, receivedAt), stopping at its page: ranking the
  // running tickets first would test the words of every open ticket of the scope on each view.
  const assignedFirst = !query.sort && tab === "mine" && scope.mine?.assignedFirst ? scope.mine : null;
  const order: Order | null = query.sort
    ? BY_COLUMN(query.sort, query.dir ?? "asc")
    : assignedFirst
      ? ASSIGNED_FIRST(scope.actorId)
      : tab === "all"
        ? query.q
          ? BY_RECEIPT()
          : null
        : NULLS_LAST_BY_ESCALATION();
  return { scope, tab, filters, where, order, assignedFirst };
}

type Plan = Awaited<ReturnType<typeof planOf>>;

/**
 * One page of the list: an officer's 我的待办 in parts (assignedFirstKeys), a null order the `all`
 * tab's two parts (top of the file), any other in one sorted statement.
 */
async function pageRows({ scope, filters, where, order, assignedFirst }: Plan, offset: number): Promise<Row[]> {
  if (assignedFirst) return rowsOf(assignedFirstKeys(assignedFirst, scope, filters, offset), ASSIGNED_FIRST(scope.actorId));
  if (order !== null) return rows(where, order, WORKBENCH_PAGE_SIZE, offset);
  const running = eb.and([where, RUNNING]);
  const runningCount = await count(running);
  const first = await rows(running, BY_ESCALATION(), Math.min(WORKBENCH_PAGE_SIZE, runningCount - offset), offset);
  return [...first, ...(await rows(eb.and([where, NOT_RUNNING]), BY_RECEIPT(), WORKBENCH_PAGE_SIZE - first.length, Math.max(0, offset - runningCount)))];
}

/**
 * The workbench: tab counts, and one page of the selected tab (default 我的待办, else 全部),
 * filtered and searched, sorted by the chosen column or by escalationAt (nulls last).
 */
export async function workbenchQueue(actor: Actor, query: WorkbenchQuery, now: Date = new Date()): Promise<WorkbenchResult> {
  const plan = await planOf(actor, query, now);
  const { scope, tab, filters, where } = plan;
  const ref = await reference();

  const offset = (query.page - 1) * WORKBENCH_PAGE_SIZE;
  const cap = query.q && !EXACT_Q.test(query.q) ? TEXT_SEARCH_COUNT_CAP : FILTERED_COUNT_CAP;
  // The badges, the list's total and its page do not wait for each other: on PostgreSQL each is
  // a round trip of its own, run side by side on the pool.
  const [counts, found, raw] = await Promise.all([tabCounts(scope, now), filters.length > 0 ? countUpTo(where, cap) : null, pageRows(plan, offset)]);
  const total = found === null ? counts[tab] : Math.min(found, cap);
  const totalCapped = found !== null && found > cap;
  const items = raw.map((r) => toRow(r, ref, now));
  return { tabs: scope.tabs, tab, counts, total, totalCapped, page: query.page, pageSize: WORKBENCH_PAGE_SIZE, items, unit: scope.unit };
}

/** 导出 is capped: a list longer than this is narrowed with the filters first. */
export const WORKBENCH_EXPORT_MAX = 10_000;
const EXPORT_CHUNK = 500;

/**
 * Every row of the list as the page shows it (same scope, tab, filters and sort), up to
 * WORKBENCH_EXPORT_MAX, read in chunks that yield to the event loop between them so that one
 * export does not stall the other requests of the node. Authorised as the workbench is.
 */
export async function workbenchExport(
  actor: Actor,
  query: WorkbenchQuery,
  now: Date = new Date(),
): Promise<{ tab: WorkbenchTab; rows: WorkbenchRow[]; capped: boolean; generatedAt: Date }> {
  const { tab, where, order } = await planOf(actor, query, now);
  const ref = await reference();
  // The `all` tab's two-part order as one: running deadlines first, then newest first.
  const sorted: Order = order ?? [[eb("t.escalationAt", "is", null), "asc"], [eb.ref("t.escalationAt"), "asc"], ...BY_RECEIPT()];
  const out: WorkbenchRow[] = [];
  while (out.length < WORKBENCH_EXPORT_MAX) {
    const chunk = await rows(where, sorted, Math.min(EXPORT_CHUNK, WORKBENCH_EXPORT_MAX - out.length), out.length);
    out.push(...chunk.map((r) => toRow(r, ref, now)));
    if (chunk.length < EXPORT_CHUNK) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const capped = out.length === WORKBENCH_EXPORT_MAX && (await rows(where, sorted, 1, WORKBENCH_EXPORT_MAX)).length > 0;
  return { tab, rows: out, capped, generatedAt: now };
}
