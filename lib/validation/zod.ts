// zod with Chinese default messages: any rule without its own message still answers in Chinese.
import { z } from "zod";

z.config(z.locales.zhCN());

export { z };

/** An optional form field or query parameter: an untouched field arrives as "" and counts as absent. */
export const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
