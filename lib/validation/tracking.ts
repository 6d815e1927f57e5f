import { z } from "@/lib/validation/zod";
import { MAINLAND_MOBILE } from "@/lib/domain/phone";

export const trackingQuerySchema = z.object({
  no: z
    .string({ error: "请填写工单编号" })
    .trim()
    .regex(/^\d{14}$/, "工单编号为 14 位数字，例如 20260115000123"),
  phone: z.string({ error: "请填写手机号" }).trim().regex(MAINLAND_MOBILE, "请填写提交诉求时的 11 位手机号"),
});
