import { optionalLocalDate, optionalParam, z } from "@/lib/validation/zod";
import { CATEGORY_CODES, TICKET_STATUSES } from "@/lib/domain/labels";

/** The workbench tabs, in display order. */
export const WORKBENCH_TABS = ["mine", "all", "pending", "inProgress", "near", "overdue", "assist", "approvals"] as const;
export type WorkbenchTab = (typeof WORKBENCH_TABS)[number];

export const WORKBENCH_TAB_LABELS: Record<WorkbenchTab, string> = {
  mine: "我的待办",
  all: "全部",
  pending: "待签收",
  inProgress: "办理中",
  near: "临期",
  overdue: "超期",
  assist: "协办请求",
  approvals: "待我审批",
};

/** Columns the list may be sorted by (server-side; anything else is refused). */
export const WORKBENCH_SORTS = ["no", "receivedAt", "escalationAt", "dueAt", "status"] as const;
export type WorkbenchSort = (typeof WORKBENCH_SORTS)[number];

/** Query string of /workbench (and of its export). */
export const workbenchQuerySchema = z.object({
  tab: optionalParam(z.enum(WORKBENCH_TABS, { error: "标签无效" })),
  status: optionalParam(z.enum(TICKET_STATUSES, { error: "状态代码无效" })),
  category: optionalParam(z.enum(CATEGORY_CODES, { error: "分类代码无效" })),
  /** Unit code; only for roles that see all units. */
  unit: optionalParam(z.string().trim().min(1).max(32)),
  /** Ticket number or phone (exact, when all digits), otherwise text in title / place. */
  q: optionalParam(z.string().trim().max(100, "搜索内容不超过 100 个字")),
  /** 受理日期: received on or after this local date. */
  from: optionalLocalDate("受理开始日期"),
  /** 受理日期: received on or before this local date (inclusive, as the form reads it). */
  to: optionalLocalDate("受理结束日期"),
  sort: optionalParam(z.enum(WORKBENCH_SORTS, { error: "排序列无效" })),
  dir: optionalParam(z.enum(["asc", "desc"], { error: "排序方向无效" })),
  page: z.coerce.number().int().min(1, "页码从 1 开始").max(10_000).default(1),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "受理结束日期不能早于开始日期" });

export type WorkbenchQuery = z.infer<typeof workbenchQuerySchema>;
