// Parameters of `npm run cli -- metrics`, GET /api/v1/metrics and the dashboard (DOMAIN.md §7).
import { CATEGORY_CODES, CHANNELS, SATISFACTION_LABELS } from "@/lib/domain/labels";
import { GROUP_BYS, METRIC_NAMES } from "@/lib/domain/metrics";
import { dayNumberOfDate, isValidPeriod } from "@/lib/domain/periods";
import { isLocalDate } from "@/lib/domain/local-time";
import { optionalParam, z } from "@/lib/validation/zod";

/** Ten years of days: enough for any report, and it bounds what one request may ask to sum. */
export const MAX_PERIOD_DAYS = 3_660;

const localDate = (label: string) =>
  z
    .string({ error: `请填写${label}（YYYY-MM-DD）` })
    .trim()
    .refine(isLocalDate, { message: `${label}应为有效日期，格式 YYYY-MM-DD` });

const filterFields = {
    from: localDate("开始日期"),
    /** Exclusive: the first day not counted. */
    to: localDate("结束日期"),
    unit: optionalParam(z.string().trim().min(1).max(32, "单位代码过长")),
    category: optionalParam(z.enum(CATEGORY_CODES, { error: "分类代码无效" })),
    channel: optionalParam(z.enum(CHANNELS, { error: "渠道代码无效" })),
};

function checkPeriod(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
    if (!isValidPeriod(q)) {
      if (isLocalDate(q.from) && isLocalDate(q.to)) ctx.addIssue({ code: "custom", path: ["to"], message: "结束日期须晚于开始日期" });
      return;
    }
    if (dayNumberOfDate(q.to) - dayNumberOfDate(q.from) > MAX_PERIOD_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "统计区间不能超过 10 年" });
    }
}

export const metricsQuerySchema = z
  .object({
    ...filterFields,
    groupBy: optionalParam(z.enum(GROUP_BYS, { error: "分组方式应为 unit、category、channel 或 month" })),
  })
  .superRefine(checkPeriod);

export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export const METRICS_FORMATS = ["json", "csv"] as const;

/** The list of tickets behind one figure of the dashboard. */
export const drilldownQuerySchema = z
  .object({
    ...filterFields,
    /** Narrows the period to one month of it ("YYYY-MM"), for a point of the monthly trend. */
    month: optionalParam(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM")),
    metric: z.enum(METRIC_NAMES, { error: "指标名称无效" }),
    part: z.enum(["num", "den"], { error: "应为 num（分子）或 den（分母）" }).default("den"),
    /** Only the tickets the citizen rated so (e.g. the 不满意 ones behind a 满意率). */
    satisfaction: optionalParam(z.enum(Object.keys(SATISFACTION_LABELS) as [keyof typeof SATISFACTION_LABELS], { error: "满意度应为 SATISFIED、BASIC、UNSATISFIED 或 NONE" })),
    page: z.coerce.number().int().min(1, "页码从 1 开始").max(100_000).default(1),
  })
  .superRefine(checkPeriod);

export type DrilldownQuery = z.infer<typeof drilldownQuerySchema>;
