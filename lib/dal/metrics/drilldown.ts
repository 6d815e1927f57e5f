import "server-only";
// 下钻: the tickets behind one figure of the dashboard. The list's WHERE is the figure's own
// counter conditions (counter-sql.ts) over the same filter, so its count is the figure.
import { sql as kyselySql, type RawBuilder, type SqlBool } from "kysely";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { TicketTableRow } from "@/components/ticket-table";
import { reference } from "@/lib/dal/reference";
import type { CategoryCode } from "@/lib/domain/labels";
import { FIGURE_COUNTERS, type CounterName } from "@/lib/domain/metrics";
import { periodContaining, type Period } from "@/lib/domain/periods";
import { Forbidden } from "@/lib/errors";
import { sql } from "@/lib/sql";
import { toBoolean, toDate } from "@/lib/sql/values";
import type { DrilldownQuery } from "@/lib/validation/metrics";
import { contactLateSql, COUNTER_CONDITIONS } from "./counter-sql";
import { dialect, filterSql } from "./counters";
import { counterFilter, metricsScope } from "./read";

export const DRILLDOWN_PAGE_SIZE = 50;

export type DrilldownResult = { total: number; page: number; pageSize: number; items: TicketTableRow[] };

function conditionOf(counter: CounterName, now: Date): RawBuilder<unknown> {
  if (counter === "contactLate") return contactLateSql("t", now, dialect());
  if (counter === "handlingMs") return kyselySql.raw(COUNTER_CONDITIONS.closed("t"));
  return kyselySql.raw(COUNTER_CONDITIONS[counter]("t", dialect()));
}

/** The period narrowed to one month of it (a point of the monthly trend). */
function narrowed(period: Period, month: string | undefined): Period {
  if (!month) return period;
  const m = periodContaining("month", `${month}-01`);
  return { from: m.from > period.from ? m.from : period.from, to: m.to < period.to ? m.to : period.to };
}

export async function drilldown(actor: Actor, query: DrilldownQuery, now = new Date()): Promise<DrilldownResult> {
  if (!can(actor.role, "dashboard:view")) throw new Forbidden("您没有查看统计明细的权限");
  const filter = await counterFilter(await metricsScope(actor), query);
  const period = narrowed(filter.period, query.month);
  // A month outside the period leaves nothing.
  if (period.from >= period.to) return { total: 0, page: query.page, pageSize: DRILLDOWN_PAGE_SIZE, items: [] };
  const figure = FIGURE_COUNTERS[query.metric][query.part].map((counter) => kyselySql`(${conditionOf(counter, now)})`);
  const where = kyselySql<SqlBool>`${filterSql("t", { ...filter, period })} AND (${kyselySql.join(figure, kyselySql` OR `)})`;
  const tickets = sql().selectFrom("Ticket as t").where(where);

  const { total } = await tickets.select((eb) => eb.fn.countAll<number | string | bigint>().as("total")).executeTakeFirstOrThrow();
  const rows = await tickets
    .select(["t.no", "t.title", "t.type", "t.categoryCode", "t.status", "t.ownerUnitId", "t.supervised", "t.receivedAt", "t.escalationAt", "t.dueAt"])
    // The id breaks ties (imported tickets share a minute): PostgreSQL keeps no other order, and pages must not overlap.
    .orderBy("t.receivedAt", "desc")
    .orderBy("t.id", "desc")
    .limit(DRILLDOWN_PAGE_SIZE)
    .offset((query.page - 1) * DRILLDOWN_PAGE_SIZE)
    .execute();
  const ref = await reference();
  return {
    total: Number(total),
    page: query.page,
    pageSize: DRILLDOWN_PAGE_SIZE,
    items: rows.map((r) => ({
      no: r.no,
      title: r.title,
      type: r.type,
      category: r.categoryCode as CategoryCode,
      status: r.status,
      ownerUnitName: r.ownerUnitId ? (ref.unitById.get(r.ownerUnitId)?.name ?? null) : null,
      supervised: toBoolean(r.supervised),
      receivedAt: toDate(r.receivedAt),
      escalationAt: toDate(r.escalationAt),
      dueAt: toDate(r.dueAt),
    })),
  };
}
