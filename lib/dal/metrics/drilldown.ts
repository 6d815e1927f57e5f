import "server-only";
// 下钻: the tickets behind one figure of the dashboard. The list's WHERE is the figure's own
// counter conditions (counter-sql.ts) over the same filter, so its count is the figure — and the
// count is read as the dashboard reads the figure, from the aggregates (a year of a province's
// tickets is millions of rows to count); only a list narrowed by the citizens' verdict, which
// the aggregates do not split, is counted on the tickets.
import { sql as kyselySql, type RawBuilder, type SqlBool } from "kysely";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { reference } from "@/lib/dal/reference";
import type { CategoryCode, SATISFACTION_LABELS, TicketStatus, TicketType } from "@/lib/domain/labels";
import { FIGURE_COUNTERS, type CounterName } from "@/lib/domain/metrics";
import { periodContaining, type Period } from "@/lib/domain/periods";
import { Forbidden } from "@/lib/errors";
import { sql } from "@/lib/sql";
import { toBoolean, toDate } from "@/lib/sql/values";
import type { DrilldownQuery } from "@/lib/validation/metrics";
import { contactLateSql, COUNTER_CONDITIONS } from "./counter-sql";
import { aggregateCounters, dialect, filterSql, readAggregates, total } from "./counters";
import { counterFilter, metricsScope } from "./read";

type Satisfaction = keyof typeof SATISFACTION_LABELS;

export const DRILLDOWN_PAGE_SIZE = 50;
/** An export holds the whole list, up to this many rows (ten years of one brigade fit). */
export const DRILLDOWN_EXPORT_LIMIT = 20_000;

/**
 * One ticket of a drill-down: what a leader checks behind a figure, including the citizen's
 * verdict and words — a 满意率 is read by its 不满意 comments.
 */
export type DrilldownRow = {
  no: string;
  title: string;
  type: TicketType;
  category: CategoryCode;
  status: TicketStatus;
  ownerUnitName: string | null;
  supervised: boolean;
  receivedAt: Date;
  closedAt: Date | null;
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
  /** The latest evaluation's comment (评价意见), if the citizen gave one. */
  comment: string | null;
};

export type DrilldownResult = { total: number; page: number; pageSize: number; items: DrilldownRow[] };

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

/** The drill-down's tickets: the figure's condition over the actor's scope, narrowed by `query`. */
async function drilldownTickets(actor: Actor, query: DrilldownQuery, now: Date) {
  if (!can(actor.role, "dashboard:view")) throw new Forbidden("您没有查看统计明细的权限");
  const scoped = await counterFilter(await metricsScope(actor), query);
  const filter = { ...scoped, period: narrowed(scoped.period, query.month) };
  // A month outside the period leaves nothing.
  if (filter.period.from >= filter.period.to) return null;
  const counters = FIGURE_COUNTERS[query.metric][query.part];
  const figure = counters.map((counter) => kyselySql`(${conditionOf(counter, now)})`);
  const verdict = query.satisfaction ? kyselySql` AND t."satisfaction" = ${query.satisfaction}` : kyselySql``;
  const where = kyselySql<SqlBool>`${filterSql("t", filter)} AND (${kyselySql.join(figure, kyselySql` OR `)})${verdict}`;
  const tickets = sql().selectFrom("Ticket as t").where(where);
  /** The figure's counters are disjoint (lib/domain/metrics.ts), so their sum counts the list. */
  const count = async (): Promise<number> => {
    if (!query.satisfaction) {
      // The backlog's unrecorded crossings only when the figure counts them (响应率's denominator).
      const grouped = counters.includes("contactLate") ? await aggregateCounters(filter, undefined, now) : await readAggregates(filter, undefined, new Map());
      const sums = total(grouped);
      return counters.reduce((sum, counter) => sum + sums[counter], 0);
    }
    const { n } = await tickets.select((eb) => eb.fn.countAll<number | string | bigint>().as("n")).executeTakeFirstOrThrow();
    return Number(n);
  };
  return { tickets, count };
}

type Tickets = NonNullable<Awaited<ReturnType<typeof drilldownTickets>>>["tickets"];

async function rowsOf(tickets: Tickets, limit: number, offset: number): Promise<DrilldownRow[]> {
  const rows = await tickets
    .select(["t.no", "t.title", "t.type", "t.categoryCode", "t.status", "t.ownerUnitId", "t.supervised", "t.receivedAt", "t.closedAt", "t.resolved", "t.satisfaction"])
    // The comment of the evaluation that set the ticket's satisfaction: its latest round.
    .select((eb) =>
      eb
        .selectFrom("Evaluation as e")
        .select("e.comment")
        .whereRef("e.ticketId", "=", "t.id")
        .orderBy("e.round", "desc")
        .orderBy("e.createdAt", "desc")
        .limit(1)
        .as("comment"),
    )
    // The id breaks ties (imported tickets share a minute): PostgreSQL keeps no other order, and pages must not overlap.
    .orderBy("t.receivedAt", "desc")
    .orderBy("t.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  const ref = await reference();
  return rows.map((r) => ({
    no: r.no,
    title: r.title,
    type: r.type as TicketType,
    category: r.categoryCode as CategoryCode,
    status: r.status as TicketStatus,
    ownerUnitName: r.ownerUnitId ? (ref.unitById.get(r.ownerUnitId)?.name ?? null) : null,
    supervised: toBoolean(r.supervised),
    receivedAt: toDate(r.receivedAt),
    closedAt: r.closedAt === null ? null : toDate(r.closedAt),
    resolved: r.resolved === null ? null : toBoolean(r.resolved),
    satisfaction: (r.satisfaction as Satisfaction | null) ?? null,
    comment: r.comment ?? null,
  }));
}

/** One page of the tickets behind a figure, and how many there are. */
export async function drilldown(actor: Actor, query: DrilldownQuery, now = new Date()): Promise<DrilldownResult> {
  const list = await drilldownTickets(actor, query, now);
  if (!list) return { total: 0, page: query.page, pageSize: DRILLDOWN_PAGE_SIZE, items: [] };
  const [total, items] = await Promise.all([list.count(), rowsOf(list.tickets, DRILLDOWN_PAGE_SIZE, (query.page - 1) * DRILLDOWN_PAGE_SIZE)]);
  return { total, page: query.page, pageSize: DRILLDOWN_PAGE_SIZE, items };
}

/** Every ticket behind a figure (up to DRILLDOWN_EXPORT_LIMIT), for the Excel export. */
export async function drilldownForExport(actor: Actor, query: DrilldownQuery, now = new Date()): Promise<DrilldownRow[]> {
  const list = await drilldownTickets(actor, query, now);
  return list ? rowsOf(list.tickets, DRILLDOWN_EXPORT_LIMIT, 0) : [];
}
