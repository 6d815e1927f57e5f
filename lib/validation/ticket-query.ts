import { z } from "@/lib/validation/zod";
import { CATEGORY_CODES, TICKET_STATUSES } from "@/lib/domain/labels";

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");

/** Filters of GET /api/v1/tickets and the workbench list. */
export const ticketQuerySchema = z.object({
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
});

export type TicketQuery = z.infer<typeof ticketQuerySchema>;
