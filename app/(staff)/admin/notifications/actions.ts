"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { resendNotification } from "@/lib/dal/admin/notifications";

export async function resendNotificationAction(id: string) {
  return runAction(async () => {
    const result = await resendNotification(await requireActor(), String(id));
    revalidatePath("/admin/notifications");
    revalidatePath("/admin");
    return result;
  });
}
