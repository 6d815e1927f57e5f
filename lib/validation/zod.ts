// zod with Chinese default messages: any rule without its own message still answers in Chinese.
import { z } from "zod";
import { isLocalDate } from "@/lib/domain/local-time";

z.config(z.locales.zhCN());

export { z };

/** An optional form field or query parameter: an untouched field arrives as "" and counts as absent. */
export const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** An optional local date (YYYY-MM-DD) of a form or query string, named `label` in its message. */
export const optionalLocalDate = (label: string) =>
  optionalParam(z.string().trim().refine(isLocalDate, `${label}应为有效日期，格式 YYYY-MM-DD`));
