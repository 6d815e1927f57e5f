// Query string of /callbacks (回访队列): paged on the server like the workbench, filtered by owner
// unit, whether a call was already tried, and the reply date.
import { optionalLocalDate, optionalParam, z } from "@/lib/validation/zod";

export const CALLBACK_ATTEMPT_FILTERS = { none: "未拨打", tried: "已拨打未接通" } as const;

export const callbackQuerySchema = z
  .object({
    /** Owner unit code. */
    unit: optionalParam(z.string().trim().min(1).max(32, "单位代码过长")),
    attempts: optionalParam(z.enum(Object.keys(CALLBACK_ATTEMPT_FILTERS) as [keyof typeof CALLBACK_ATTEMPT_FILTERS], { error: "回访情况应为 none 或 tried" })),
    /** Replied on or after this local date. */
    from: optionalLocalDate("开始日期"),
    /** Replied on or before this local date (inclusive, as the form reads it). */
    to: optionalLocalDate("结束日期"),
    page: z.coerce.number({ error: "页码应为数字" }).int("页码应为整数").min(1, "页码从 1 开始").max(10_000).default(1),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "结束日期不能早于开始日期" });

export type CallbackQuery = z.infer<typeof callbackQuerySchema>;

/** The /callbacks URL of a query (what callbackQuerySchema reads back). */
export function callbacksHref(query: Partial<CallbackQuery>): string {
  const search = new URLSearchParams();
  for (const key of ["unit", "attempts", "from", "to"] as const) {
    const value = query[key];
    if (value) search.set(key, value);
  }
  if (query.page && query.page > 1) search.set("page", String(query.page));
  const text = search.toString();
  return text ? `/callbacks?${text}` : "/callbacks";
}
