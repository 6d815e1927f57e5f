import "server-only";
// 数据公开: each brigade's figures for a year or a month, for anyone, without signing in. They are
// the dashboard's own — the same aggregates (aggregateCounters), the same §6 rates (ratesOf via
// groupedMetrics), the same 红黑榜 order (rankBySatisfaction) — cut down to five figures per row.
// The page is public, so each period's figures are cached for a few minutes: a flood of requests
// reads the database once per period and lifetime.
import { db } from "@/lib/db";
import { reference } from "@/lib/dal/reference";
import { aggregateCounters, total } from "@/lib/dal/metrics/counters";
import { groupedMetrics } from "@/lib/dal/metrics/read";
import { localDateOf } from "@/lib/domain/local-time";
import { ratesOf } from "@/lib/domain/metrics";
import {
  defaultOpenPeriod,
  openPeriodLabel,
  openPeriodProblem,
  openPeriodRange,
  pickOpenMetrics,
  publishedMonths,
  publishedYears,
  type OpenMetrics,
  type OpenPeriod,
} from "@/lib/domain/open-data";
import { rankBySatisfaction } from "@/lib/domain/unit-ranking";
import { Invalid } from "@/lib/errors";
import { ttlCache } from "@/lib/ttl-cache";
import type { OpenQuery } from "@/lib/validation/open";

/** How long a period's published figures are served before they are read again. */
export const OPEN_FIGURES_TTL_MS = 300_000;

export type OpenBrigade = { code: string; name: string; rank: number | null } & OpenMetrics;

type PeriodFigures = {
  brigades: OpenBrigade[];
  /** All units together (全支队), including tickets no unit owned yet. */
  total: OpenMetrics;
  /** 基本满意's weight in 满意率 (DOMAIN.md §6), for the page's note. */
  basicWeight: number;
  computedAt: Date;
};

export type OpenFigures = PeriodFigures & {
  period: OpenPeriod;
  label: string;
  /** What the selector offers: years since the first ticket, months of the year begun so far. */
  years: number[];
  months: number[];
};

const figuresCache = ttlCache<PeriodFigures>(OPEN_FIGURES_TTL_MS);
const firstYearCache = ttlCache<number | null>(OPEN_FIGURES_TTL_MS);

async function periodFigures(period: OpenPeriod, now: Date): Promise<PeriodFigures> {
  const filter = { period: openPeriodRange(period) };
  const grouped = await aggregateCounters(filter, "unit", now);
  const ref = await reference();
  const brigades = (await groupedMetrics(grouped, "unit", filter)).filter((row) => ref.unitByCode.get(row.key)?.kind === "BRIGADE");
  return {
    brigades: rankBySatisfaction(brigades).map(({ row, rank }) => ({
      code: row.key,
      name: ref.unitByCode.get(row.key)!.name,
      rank,
      ...pickOpenMetrics(row),
    })),
    total: pickOpenMetrics(ratesOf(total(grouped), ref.settings)),
    basicWeight: ref.settings.satisfactionBasicWeight,
    computedAt: now,
  };
}

async function firstYear(): Promise<number | null> {
  // findFirst, not aggregate: its dates come back through the driver adapter's conversion.
  const first = await db.ticket.findFirst({ orderBy: { receivedAt: "asc" }, select: { receivedAt: true } });
  return first ? Number(localDateOf(first.receivedAt).slice(0, 4)) : null;
}

/** The published figures of a period (this year when none is asked for); a future one is refused. */
export async function openFigures(query: OpenQuery, now = new Date()): Promise<OpenFigures> {
  const today = localDateOf(now);
  const fallback = defaultOpenPeriod(today);
  const period: OpenPeriod = { year: query.year ?? fallback.year, month: query.month ?? null };
  const problem = openPeriodProblem(period, today);
  if (problem) throw new Invalid([{ field: period.month === null ? "year" : "month", message: problem }]);
  const [figures, first] = await Promise.all([
    figuresCache(`${period.year}-${period.month ?? "all"}`, () => periodFigures(period, now)),
    firstYearCache("first", firstYear),
  ]);
  return {
    ...figures,
    period,
    label: openPeriodLabel(period),
    years: publishedYears(first ?? fallback.year, today),
    months: publishedMonths(period.year, today),
  };
}
