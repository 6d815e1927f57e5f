// Parameters of the public 数据公开 page (/open): a year, and optionally a month of it.
import { optionalParam, z } from "@/lib/validation/zod";

const YEAR = "年份应为四位数字，例如 2022";
const MONTH = "月份应为 1 至 12 的数字";

export const openQuerySchema = z.object({
  year: optionalParam(z.coerce.number({ error: YEAR }).int(YEAR).min(2000, "只公布 2000 年及以后的数据").max(9999, YEAR)),
  month: optionalParam(z.coerce.number({ error: MONTH }).int(MONTH).min(1, MONTH).max(12, MONTH)),
});

export type OpenQuery = z.infer<typeof openQuerySchema>;
