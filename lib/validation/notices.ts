import { z } from "zod";

/** 全部标为已读: up to the newest notice the page showed (its `at`, an ISO time). */
export const markNoticesReadSchema = z.object({
  // Not z.coerce.date: a missing field would coerce to 1970 instead of failing.
  upTo: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? new Date(v) : v),
    z.date({ error: "请提供已读到的时间（upTo，ISO 8601 格式）" }),
  ),
});
export type MarkNoticesReadInput = z.infer<typeof markNoticesReadSchema>;
