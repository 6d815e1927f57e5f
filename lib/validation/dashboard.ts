// The 领导驾驶舱's URL, both ways: the schema reads /dashboard's search params into a period, and
// the href builders write a period (and a figure, for the drill-down list) back into a URL.
//
// On the dashboard a custom range is shown as the user picked it, with an inclusive end date
// (`to` = the last day counted); everywhere else — the DAL, the drill-down URL, §7's CLI — a
// period ends at the first day not counted. The conversion happens here and only here.
import { addLocalDays, isLocalDate, localDateOf } from "@/lib/domain/local-time";
import type { FigurePart, MetricName } from "@/lib/domain/metrics";
import { dayNumberOfDate, PERIOD_KINDS, periodContaining, type Period, type PeriodKind } from "@/lib/domain/periods";
import { MAX_PERIOD_DAYS } from "./metrics";
import { z } from "./zod";

/** What the dashboard shows: a period of some kind, for all units in scope or one of them. */
export type DashboardParams = { kind: PeriodKind; period: Period; unit?: string };

/** Years a period may fall in: wide enough for any archive, narrow enough that neighbouring
 * periods stay four-digit dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** Next's searchParams as plain strings: a repeated param counts once, by its first value. */
export function firstParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params[key] = first;
  }
  return params;
}

/** A search param as one trimmed string; repeated params take the first, blanks are absent. */
function firstNonBlank(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return first;
  return first.trim() === "" ? undefined : first.trim();
}

const param = <T extends z.ZodType>(schema: T) => z.preprocess(firstNonBlank, schema.optional());

const rawSchema = z.object({
  kind: param(z.enum(PERIOD_KINDS, { error: "统计周期应为 month（月）、quarter（季）、year（年）或 custom（自定义）" })),
  /** Any day inside the wanted month, quarter or year. */
  at: param(z.string()),
  /** Custom range: first and last day, both included. */
  from: param(z.string()),
  to: param(z.string()),
  unit: param(z.string().max(32, "单位代码过长").regex(/^[A-Za-z0-9_-]+$/, "单位代码只能包含字母、数字、短横线和下划线")),
});

type Issue = { path: string; message: string };

/** The problem with one date param, or null when it names a usable day. */
function dateProblem(value: string, label: string): string | null {
  if (!isLocalDate(value)) return `${label}应为有效日期，格式 YYYY-MM-DD`;
  const year = Number(value.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return `${label}超出可统计范围（${MIN_YEAR}–${MAX_YEAR} 年）`;
  return null;
}

function customPeriod(from: string | undefined, to: string | undefined, issues: Issue[]): Period | null {
  const before = issues.length;
  if (!from) issues.push({ path: "from", message: "请选择开始日期" });
  if (!to) issues.push({ path: "to", message: "请选择结束日期" });
  const fromProblem = from ? dateProblem(from, "开始日期") : null;
  const toProblem = to ? dateProblem(to, "结束日期") : null;
  if (fromProblem) issues.push({ path: "from", message: fromProblem });
  if (toProblem) issues.push({ path: "to", message: toProblem });
  if (issues.length > before || !from || !to) return null;
  if (to < from) {
    issues.push({ path: "to", message: "结束日期不能早于开始日期" });
    return null;
  }
  if (dayNumberOfDate(to) - dayNumberOfDate(from) + 1 > MAX_PERIOD_DAYS) {
    issues.push({ path: "to", message: "统计区间不能超过 10 年" });
    return null;
  }
  return { from, to: addLocalDays(to, 1) };
}

/**
 * /dashboard's search params → the period to show. `kind` defaults to year and `at` to today
 * (Shanghai), so a bare /dashboard shows this year so far.
 */
export const dashboardQuerySchema = rawSchema.transform((raw, ctx): DashboardParams => {
  const kind = raw.kind ?? "year";
  const issues: Issue[] = [];
  let period: Period | null = null;
  if (kind === "custom") {
    period = customPeriod(raw.from, raw.to, issues);
  } else {
    const at = raw.at ?? localDateOf(new Date());
    const problem = dateProblem(at, "日期");
    if (problem) issues.push({ path: "at", message: problem });
    else period = periodContaining(kind, at);
  }
  if (!period) {
    for (const issue of issues) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
    return z.NEVER;
  }
  return raw.unit ? { kind, period, unit: raw.unit } : { kind, period };
});

/** The /dashboard URL showing these params (what dashboardQuerySchema reads back). */
export function dashboardHref(params: DashboardParams): string {
  const search = new URLSearchParams({ kind: params.kind });
  if (params.kind === "custom") {
    search.set("from", params.period.from);
    search.set("to", addLocalDays(params.period.to, -1));
  } else {
    search.set("at", params.period.from);
  }
  if (params.unit) search.set("unit", params.unit);
  return `/dashboard?${search}`;
}

/** Which tickets a drill-down lists, before choosing the figure: the dashboard's period and
 * unit, narrowed by what was clicked (a unit, category, channel or month) or by the citizens'
 * verdict (the 不满意 tickets behind a 满意率). */
export type DrillTarget = { period: Period; unit?: string; category?: string; channel?: string; month?: string; satisfaction?: string };

function drilldownSearch(target: DrillTarget, metric: MetricName, part: FigurePart): URLSearchParams {
  // "den" is drilldownQuerySchema's default and left out: a year's dashboard links some 120
  // denominators, and its HTML is held under 100 KB (issue 15).
  const search = new URLSearchParams({ metric, ...(part === "num" && { part }), from: target.period.from, to: target.period.to });
  for (const key of ["unit", "category", "channel", "month", "satisfaction"] as const) {
    const value = target[key];
    if (value) search.set(key, value);
  }
  return search;
}

/** The /dashboard/tickets URL listing the tickets behind one figure (drilldownQuerySchema). */
export function drilldownHref(target: DrillTarget, metric: MetricName, part: FigurePart, page = 1): string {
  const search = drilldownSearch(target, metric, part);
  if (page > 1) search.set("page", String(page));
  return `/dashboard/tickets?${search}`;
}

/** The same list as an .xlsx download (every page). */
export function drilldownExportHref(target: DrillTarget, metric: MetricName, part: FigurePart): string {
  return `/dashboard/tickets/export?${drilldownSearch(target, metric, part)}`;
}
