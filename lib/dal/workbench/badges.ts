import "server-only";
// The workbench's tab badges (lib/dal/workbench.ts lists the tabs).
import { mineClauses, tabCond, type Scope } from "@/lib/dal/workbench/scope";
import { countOf, eb, lit } from "@/lib/dal/workbench/sql";
import type { TicketStatus } from "@/lib/domain/labels";
import { sql } from "@/lib/sql";
import { WORKBENCH_TABS, type WorkbenchTab } from "@/lib/validation/workbench";

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
export async function tabCounts(scope: Scope, now: Date): Promise<Record<WorkbenchTab, number>> {
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
