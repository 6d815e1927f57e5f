import { z } from "@/lib/validation/zod";
import { CATEGORY_CODES, TICKET_STATUSES } from "@/lib/domain/labels";
import { isLocalDate } from "@/lib/domain/local-time";

const localDate = z.string().refine(isLocalDate, "日期应为有效日期，格式 YYYY-MM-DD");

/**
 * How deep the list pages: OFFSET walks every row before the page, and a page a million rows in
 * walked the whole receipt index on every call. Deeper than this, narrow by 受理日期.
 */
export const LIST_MAX_OFFSET = 100_000;

/** Filters of GET /api/v1/tickets (the workbench has its own, lib/validation/workbench.ts). */
export const ticketQuerySchema = z
  .object({
    status: z.enum(TICKET_STATUSES, { error: "状态代码无效" }).optional(),
    unit: z.string().trim().min(1).max(32).optional(),
    category: z.enum(CATEGORY_CODES, { error: "分类代码无效" }).optional(),
    from: localDate.optional(),
    to: localDate.optional(),
    /** "1": only tickets under supervision (督办). */
    supervised: z.enum(["1"], { error: "supervised 只能为 1" }).optional(),
    q: z.string().trim().max(100, "搜索内容不超过 100 个字").optional(),
    page: z.coerce.number().int().min(1, "页码从 1 开始").default(1),
    pageSize: z.coerce.number().int().min(1).max(200, "每页最多 200 条").default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "结束日期不能早于开始日期" })
  .refine((q) => (q.page - 1) * q.pageSize < LIST_MAX_OFFSET, {
    path: ["page"],
    message: `最多翻到第 ${LIST_MAX_OFFSET.toLocaleString("zh-CN")} 条，更早的工单请用受理日期（from、to）缩小范围`,
  });

export type TicketQuery = z.infer<typeof ticketQuerySchema>;
