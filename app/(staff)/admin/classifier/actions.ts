"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { trainClassifierAsAdmin } from "@/lib/dal/classifier/training";

/** 立即训练: seconds of CPU in a child process; the page lists the new model afterwards. */
export async function trainClassifierAction() {
  return runAction(async () => {
    const report = await trainClassifierAsAdmin(await requireActor());
    revalidatePath("/admin/classifier");
    return report;
  });
}
