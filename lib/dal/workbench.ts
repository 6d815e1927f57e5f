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
// first page never sorts the unit's whole archive. A search or a 受理日期 range in 全部 lists newest
// first, a search in the words among the scope's newest TEXT_SEARCH_WINDOW tickets (searchWindow).
// An officer's 我的待办 (assigned to them first) is read in parts along the indexes as well
// (assignedFirstKeys).
//
// Here the plan of a view and the two entry points; beside it in lib/dal/workbench/: sql.ts (the
// conditions and orders every statement shares), scope.ts (whose tickets, which tabs, each tab's
// condition), badges.ts (the tab counts) and rows.ts (reading a page).
import type { Actor } from "@/lib/auth/actor";
import { reference } from "@/lib/dal/reference";
import { tabCounts } from "@/lib/dal/workbench/badges";
import { assignedFirstKeys, rows, rowsOf, toRow, WORKBENCH_PAGE_SIZE, type Row, type WorkbenchRow } from "@/lib/dal/workbench/rows";
import { scopeOf, tabCond, type Scope } from "@/lib/dal/workbench/scope";
import {
  ASSIGNED_FIRST, BY_COLUMN, BY_ESCALATION, BY_RECEIPT, eb, filterConds, isTextSearch, NOT_RUNNING, NULLS_LAST_BY_ESCALATION, receivedWithin, RUNNING, type Cond, type Order,
} from "@/lib/dal/workbench/sql";
import { TEXT_SEARCH_WINDOW } from "@/lib/domain/ticket-search";
import { sql } from "@/lib/sql";
import { toDate } from "@/lib/sql/values";
import type { WorkbenchQuery, WorkbenchTab } from "@/lib/validation/workbench";

export { NEAR_WINDOW_MS } from "@/lib/dal/workbench/scope";
export { WORKBENCH_PAGE_SIZE, type WorkbenchRow } from "@/lib/dal/workbench/rows";

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
  /** A search in the words read only the newest TEXT_SEARCH_WINDOW tickets, received since then. */
  searchedSince: Date | null;
};

/**
 * Where a search in the words of 全部 stops: the receipt time of the scope's TEXT_SEARCH_WINDOW-th
 * newest ticket (within the 受理日期 range), read along (ownerUnitId, receivedAt) — or null when
 * the scope holds fewer and the search reads them all. Not for a squadron's scope, which no such
 * index serves (finding its 20,000th ticket would cost what it saves).
 */
async function searchWindow(scope: Scope, query: WorkbenchQuery): Promise<Date | null> {
  if (!scope.archive) return null;
  const edge = await sql()
    .selectFrom("Ticket as t")
    .select("t.receivedAt")
    .where(eb.and([...scope.owner, ...receivedWithin(query)]))
    .orderBy("t.receivedAt", "desc")
    .limit(1)
    .offset(TEXT_SEARCH_WINDOW - 1)
    .executeTakeFirst();
  return edge ? toDate(edge.receivedAt) : null;
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

/** What a query selects: the scope, the tab it lands on, its condition and its order. */
async function planOf(actor: Actor, query: WorkbenchQuery, now: Date) {
  const scope = await scopeOf(actor, query);
  // 我的待办 is the landing tab of every role that has one (issue 13 item 8).
  const tab: WorkbenchTab = query.tab && scope.tabs.includes(query.tab) ? query.tab : scope.tabs[0]!;
  const searchedSince = tab === "all" && isTextSearch(query) ? await searchWindow(scope, query) : null;
  const filters = [...filterConds(query), ...(searchedSince ? [eb("t.receivedAt", ">=", searchedSince)] : [])];
  const where = eb.and([tabCond(tab, scope, now), ...filters]);
  // An officer's 我的待办 in its own order, read in parts (pageRows).
  const assignedFirst = !query.sort && tab === "mine" && scope.mine?.assignedFirst ? scope.mine : null;
  // null: the `all` tab's default order, read in two parts (see the top of the file). A search or
  // a 受理日期 range lists newest first, along (ownerUnitId, receivedAt), stopping at its page:
  // ranking the running tickets first would test the words, or read the receipt time, of every
  // open ticket of the scope on each view (90–110 ms for a month of a brigade at 10M on SQLite).
  const order: Order | null = query.sort
    ? BY_COLUMN(query.sort, query.dir ?? "asc")
    : assignedFirst
      ? ASSIGNED_FIRST(scope.actorId)
      : tab === "all"
        ? query.q || query.from || query.to
          ? BY_RECEIPT()
          : null
        : NULLS_LAST_BY_ESCALATION();
  return { scope, tab, filters, where, order, assignedFirst, searchedSince };
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
  const { scope, tab, filters, where, searchedSince } = plan;
  const ref = await reference();

  const offset = (query.page - 1) * WORKBENCH_PAGE_SIZE;
  const cap = isTextSearch(query) ? TEXT_SEARCH_COUNT_CAP : FILTERED_COUNT_CAP;
  // The badges, the list's total and its page do not wait for each other: on PostgreSQL each is
  // a round trip of its own, run side by side on the pool.
  const [counts, found, raw] = await Promise.all([tabCounts(scope, now), filters.length > 0 ? countUpTo(where, cap) : null, pageRows(plan, offset)]);
  const total = found === null ? counts[tab] : Math.min(found, cap);
  const totalCapped = found !== null && found > cap;
  const items = raw.map((r) => toRow(r, ref, now));
  return { tabs: scope.tabs, tab, counts, total, totalCapped, page: query.page, pageSize: WORKBENCH_PAGE_SIZE, items, unit: scope.unit, searchedSince };
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
): Promise<{ tab: WorkbenchTab; rows: WorkbenchRow[]; capped: boolean; searchedSince: Date | null; generatedAt: Date }> {
  const { tab, where, order, searchedSince } = await planOf(actor, query, now);
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
  return { tab, rows: out, capped, searchedSince, generatedAt: now };
}
