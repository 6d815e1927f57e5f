"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { updateTimeLimitPolicy } from "@/lib/dal/admin/time-limits";
import type { AdminFormInput } from "@/lib/validation/admin";

export async function saveTimeLimit(id: string, input: AdminFormInput) {
  return runAction(async () => {
    const result = await updateTimeLimitPolicy(await requireActor(), String(id), input);
    revalidatePath("/admin/time-limits");
    revalidatePath("/admin");
    return result;
  });
}
