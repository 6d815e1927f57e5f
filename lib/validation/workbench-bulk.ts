import { z } from "@/lib/validation/zod";

/** 批量操作 (issue 13 item 10): the workflow steps the workbench can take on several tickets. */
export const BULK_ACTIONS = ["sign", "assign"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const BULK_MAX = 100;
/** The bulk form's id: the list's row checkboxes join it with form="…". */
export const BULK_FORM_ID = "workbench-bulk";

/** A selected row: the ticket and the version the officer saw (each step checks it). */
const selected = z.object({
  no: z.string().regex(/^\d{14}$/, "工单编号为 14 位数字"),
  version: z.coerce.number().int().min(1, "版本号无效"),
});

/**
 * The bulk form. The step's own fields (handler, squadron) are validated by the step's schema
 * in performStep, once per ticket, as a single step would be.
 */
export const bulkInputSchema = z.object({
  action: z.enum(BULK_ACTIONS, { error: "请选择批量操作：签收或指派" }),
  tickets: z.array(selected).min(1, "请至少勾选一件工单").max(BULK_MAX, `一次最多处理 ${BULK_MAX} 件工单`),
  handler: z.string().trim().max(50).optional(),
  squadron: z.string().trim().max(32).optional(),
});
export type BulkInput = z.infer<typeof bulkInputSchema>;
