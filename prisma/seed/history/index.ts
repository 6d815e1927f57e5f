// Demo history (issue #5 item 5): years of finished tickets, so the rates, trends and hot issues
// a manager reads tell a story on first start instead of showing "—".
//
// - ZQ1 执勤一大队, all of 2022: exactly 1476 tickets, 1435 evaluations answered, all resolved,
//   1335 满意 + 基本满意 → 满意率 93.03 %, 解决率 100 % (the detachment's reported figures for
//   that year, so the dashboard and the annual report can be checked against them).
// - Every brigade from 2024-01-01 through yesterday: seasonal volumes, each unit with its own
//   character (ZQ3 noticeably worse), a few returns, reopens and overdue steps.
// - Three planted 集中反映 clusters in the last 30 days; otherwise places are spread so that no
//   accidental hot issue appears (a list full of them would hide the planted ones).
//
// Deterministic apart from row ids: seeded PRNG, relative to `now` for the recent part.
// History tickets are finished (CLOSED) or, if very recent, REPLIED awaiting 回访: the open work
// of the workbench comes from ../demo-tickets.ts, and tests count it.
//
// Written by the query builder in one transaction, many rows to an INSERT: through Prisma the
// ~25,000 tickets and ~200,000 events would take minutes; here they take seconds, on either engine.
import type { Db } from "@/lib/db";
import { prng } from "../prng";
import { type Ctx, DayMemoCalendar } from "./clocks";
import { insertAll, loadOrg } from "./database";
import { HotIssueGuard } from "./hot-issue-guard";
import { plan2022, planClusters, planRecent } from "./plan";
import { buildTicket } from "./rows";

/**
 * Seeds the demo history (see the top of this file). Call after the organisation, the time
 * limits and the demo tickets exist; `now` fixes "yesterday" and the recent clusters.
 */
export async function seedHistoryTickets(db: Db, options: { databaseUrl: string; now?: Date }): Promise<void> {
  const now = (options.now ?? new Date()).getTime();
  const ctx: Ctx = {
    calendar: new DayMemoCalendar(await db.calendarDay.findMany()),
    policies: await db.timeLimitPolicy.findMany(),
    now,
  };
  const org = await loadOrg(db);
  // The demo tickets' places count too: ordinary history must not pile onto them either.
  const guard = new HotIssueGuard();
  for (const t of await db.ticket.findMany({ select: { categoryCode: true, place: true, receivedAt: true } })) {
    guard.add(t.categoryCode, t.place, t.receivedAt.getTime());
  }

  // Clusters first, so the ordinary tickets keep clear of them; then everything in receipt
  // order, which is also the order of the numbers and of the rows (rowid ≈ time, as at intake).
  const plans = [...planClusters(guard, now), ...plan2022(guard), ...planRecent(guard, now)].sort((a, b) => a.receivedAt - b.receivedAt);
  const rng = prng(20261124);
  await insertAll(
    options.databaseUrl,
    plans.map((p) => p.receivedAt),
    (i, no) => buildTicket(rng, plans[i]!, no, org, ctx),
  );
}
