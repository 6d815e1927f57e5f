import { optionalParam, z } from "@/lib/validation/zod";
import { CATEGORY_CODES } from "@/lib/domain/labels";
import { HOT_ISSUE_WINDOW_DAYS } from "@/lib/domain/duplicates";

/** 集中反映 list (/hot-issues): the look-back windows offered, and the review filter. */
export const HOT_ISSUE_WINDOWS = [7, 30, 90] as const;
export const HOT_ISSUE_REVIEW_FILTERS = ["all", "open", "reviewed"] as const;
export type HotIssueReviewFilter = (typeof HOT_ISSUE_REVIEW_FILTERS)[number];
export const HOT_ISSUE_REVIEW_FILTER_LABELS: Record<HotIssueReviewFilter, string> = {
  all: "全部",
  open: "未研判",
  reviewed: "已研判",
};

export const REVIEW_NOTE_MIN = 2;
export const REVIEW_NOTE_MAX = 500;

const days = z.coerce
  .number({ error: "统计天数必须是数字" })
  .int("统计天数必须是整数")
  .min(1, "统计天数至少 1 天")
  .max(366, "统计天数不超过 366 天");

export const hotIssueQuerySchema = z.object({
  days: optionalParam(days).transform((v) => v ?? HOT_ISSUE_WINDOW_DAYS),
  /** Owner unit code; only for roles that see all units. */
  unit: optionalParam(z.string().trim().min(1).max(32)),
  reviewed: optionalParam(z.enum(HOT_ISSUE_REVIEW_FILTERS, { error: "研判状态无效" })).transform((v) => v ?? "all"),
});
export type HotIssueQuery = z.infer<typeof hotIssueQuerySchema>;
export type HotIssueQueryInput = z.input<typeof hotIssueQuerySchema>;

/** The page's query string: only the offered windows; anything else falls back to the default. */
export const hotIssuePageQuerySchema = hotIssueQuerySchema.extend({
  days: z.preprocess(
    (v) => (HOT_ISSUE_WINDOWS as readonly number[]).includes(Number(v)) ? Number(v) : HOT_ISSUE_WINDOW_DAYS,
    z.number(),
  ),
});

/** 标记已研判: the group is named by its key (place + category + first receipt). */
export const hotIssueReviewSchema = z.object({
  placeKey: z.string({ error: "缺少地点" }).trim().min(1, "缺少地点").max(200, "地点过长"),
  category: z.enum(CATEGORY_CODES, { error: "诉求分类无效" }),
  // Not z.coerce.date: a missing field would coerce to 1970 instead of failing.
  firstAt: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? new Date(v) : v),
    z.date({ error: "首次受理时间无效" }),
  ),
  note: z
    .string({ error: "请填写研判意见" })
    .trim()
    .min(REVIEW_NOTE_MIN, `请填写研判意见（至少 ${REVIEW_NOTE_MIN} 个字）`)
    .max(REVIEW_NOTE_MAX, `研判意见不超过 ${REVIEW_NOTE_MAX} 个字`),
  /** The window the group was seen in, so it is re-derived the same way; default 30 days. */
  days: optionalParam(days).transform((v) => v ?? HOT_ISSUE_WINDOW_DAYS),
});
export type HotIssueReviewInput = z.infer<typeof hotIssueReviewSchema>;
