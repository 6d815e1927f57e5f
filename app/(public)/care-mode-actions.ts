"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { CARE_MODE_COOKIE, CARE_MODE_MAX_AGE_SECONDS } from "@/lib/domain/care-mode";
import { Invalid } from "@/lib/errors";

const MODE_MESSAGE = "请选择大字版或标准版";
const modeSchema = z.enum(["on", "off"], { error: MODE_MESSAGE });

/**
 * 大字版 on or off for this browser. A preference, not a secret: no account is needed, and the
 * cookie is httpOnly only because no script has to read it (the server renders the look).
 */
export async function setCareMode(formData: FormData): Promise<void> {
  const parsed = modeSchema.safeParse(formData.get("mode"));
  if (!parsed.success) throw new Invalid([{ field: "mode", message: MODE_MESSAGE }], "无法切换显示模式，请刷新页面后重试");
  const jar = await cookies();
  if (parsed.data === "off") jar.delete(CARE_MODE_COOKIE);
  else jar.set(CARE_MODE_COOKIE, "on", { maxAge: CARE_MODE_MAX_AGE_SECONDS, httpOnly: true, sameSite: "lax", path: "/" });
}
