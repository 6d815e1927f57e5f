import "server-only";
// 下钻: the tickets behind one figure of the dashboard. The list's WHERE is the figure's own
// counter conditions (counter-sql.ts) over the same filter, so its count is the figure.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { TicketTableRow } from "@/components/ticket-table";
import { reference } from "@/lib/dal/reference";
import type { CategoryCode, TicketStatus, TicketType } from "@/lib/domain/labels";
import { FIGURE_COUNTERS, type CounterName } from "@/lib/domain/metrics";
import { periodContaining, type Period } from "@/lib/domain/periods";
import { Forbidden } from "@/lib/errors";
import { rawSqlite } from "@/lib/sqlite";
import type { DrilldownQuery } from "@/lib/validation/metrics";
import { contactLateSql, COUNTER_CONDITIONS } from "./counter-sql";
import { filterSql } from "./counters";
import { counterFilter, metricsScope } from "./read";

export const DRILLDOWN_PAGE_SIZE = 50;

export type DrilldownResult = { total: number; page: number; pageSize: number; items: TicketTableRow[] };

function conditionOf(counter: CounterName): string {
  if (counter === "contactLate") return contactLateSql("t");
  if (counter === "handlingMs") return COUNTER_CONDITIONS.closed("t");
  return COUNTER_CONDITIONS[counter]("t");
}

/** The period narrowed to one month of it (a point of the monthly trend). */
function narrowed(period: Period, month: string | undefined): Period {
  if (!month) return period;
  const m = periodContaining("month", `${month}-01`);
  return { from: m.from > period.from ? m.from : period.from, to: m.to < period.to ? m.to : period.to };
}

type Row = {
  no: string;
  title: string;
  type: TicketType;
  categoryCode: CategoryCode;
  status: TicketStatus;
  ownerUnitId: string | null;
  supervised: number;
  receivedAt: number;
  escalationAt: number | null;
  dueAt: number | null;
};

export async function drilldown(actor: Actor, query: DrilldownQuery, now = new Date()): Promise<DrilldownResult> {
  if (!can(actor.role, "dashboard:view")) throw new Forbidden("您没有查看统计明细的权限");
  const filter = await counterFilter(await metricsScope(actor), query);
  const period = narrowed(filter.period, query.month);
  const w = filterSql("t", { ...filter, period });
  const figure = FIGURE_COUNTERS[query.metric][query.part].map((counter) => `(${conditionOf(counter)})`).join(" OR ");
  const where = `${w.sql} AND (${figure})`;
  const params = { ...w.params, now: now.getTime() };
  // A month outside the period leaves nothing.
  if (period.from >= period.to) return { total: 0, page: query.page, pageSize: DRILLDOWN_PAGE_SIZE, items: [] };
  const sqlite = rawSqlite();

  const { total } = sqlite.prepare(`SELECT COUNT(*) AS total FROM "Ticket" t WHERE ${where}`).get(params) as { total: number };
  const rows = sqlite
    .prepare(
      `SELECT t."no", t."title", t."type", t."categoryCode", t."status", t."ownerUnitId", t."supervised",
              t."receivedAt", t."escalationAt", t."dueAt"
       FROM "Ticket" t WHERE ${where}
       ORDER BY t."receivedAt" DESC LIMIT :limit OFFSET :offset`,
    )
    .all({ ...params, limit: DRILLDOWN_PAGE_SIZE, offset: (query.page - 1) * DRILLDOWN_PAGE_SIZE }) as Row[];
  const ref = await reference();
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    total,
    page: query.page,
    pageSize: DRILLDOWN_PAGE_SIZE,
    items: rows.map((r) => ({
      no: r.no,
      title: r.title,
      type: r.type,
      category: r.categoryCode,
      status: r.status,
      ownerUnitName: r.ownerUnitId ? (ref.unitById.get(r.ownerUnitId)?.name ?? null) : null,
      supervised: r.supervised === 1,
      receivedAt: new Date(r.receivedAt),
      escalationAt: date(r.escalationAt),
      dueAt: date(r.dueAt),
    })),
  };
}
