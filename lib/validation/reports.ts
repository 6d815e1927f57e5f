// Parameters of the 统计报表 pages and the Excel export (/reports, /reports/print, /reports/export).
import { isLocalDate } from "@/lib/domain/local-time";
import { optionalParam, z } from "@/lib/validation/zod";

/** 月报, 季报, 年报: a report covers the calendar month, quarter or year containing `at`. */
export const REPORT_KINDS = ["month", "quarter", "year"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const reportQuerySchema = z.object({
  kind: z.enum(REPORT_KINDS, { error: "报表类型应为 month（月报）、quarter（季报）或 year（年报）" }),
  at: z
    .string({ error: "请填写报表日期 at（YYYY-MM-DD），报表统计该日期所在的月、季度或年" })
    .trim()
    .refine(isLocalDate, { message: "报表日期 at 应为有效日期，格式 YYYY-MM-DD，例如 2022-01-01" }),
  /** Unit code; a LEAD may only ask for their own (checked in lib/dal). */
  unit: optionalParam(z.string().trim().min(1, "请填写单位代码").max(32, "单位代码过长")),
});

export type ReportQuery = z.infer<typeof reportQuerySchema>;
