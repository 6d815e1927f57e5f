// The one password rule (issue 9 item 18), for citizen registration, staff accounts created or
// reset by an administrator, and any future password change.
import { z } from "@/lib/validation/zod";
import { isCommonPassword } from "@/lib/domain/common-passwords";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

export const passwordSchema = z
  .string({ error: "请设置密码" })
  .min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 位`)
  .max(PASSWORD_MAX_LENGTH, `密码不超过 ${PASSWORD_MAX_LENGTH} 位`)
  .regex(/[A-Za-z]/, "密码需同时包含字母和数字")
  .regex(/\d/, "密码需同时包含字母和数字")
  .refine((p) => !isCommonPassword(p), "这个密码太常见，很容易被猜中，请换一个不常见的密码");
