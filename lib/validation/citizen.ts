import { z } from "@/lib/validation/zod";
import { MAINLAND_MOBILE } from "@/lib/domain/phone";
import { passwordSchema } from "@/lib/validation/password";

export const citizenRegistrationSchema = z
  .object({
    phone: z.string({ error: "请填写手机号" }).trim().regex(MAINLAND_MOBILE, "请填写 11 位大陆手机号"),
    name: z.string().trim().max(20, "称呼不超过 20 个字").optional().transform((v) => v || undefined),
    password: passwordSchema,
    confirm: z.string({ error: "请再次输入密码" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "两次输入的密码不一致" });
