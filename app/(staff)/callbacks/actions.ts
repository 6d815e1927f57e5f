"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { recordUnreachable } from "@/lib/dal/evaluations";
import { performAction } from "@/lib/dal/workflow/perform";

/** 回访 answered: the dispatcher records the citizen's answers through the `evaluate` step. */
export async function recordCallback(no: string, version: number, formData: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const field = (name: string) => formData.get(name) ?? undefined;
    const ticket = await performAction(actor, String(no), {
      action: "evaluate",
      version: Number(version),
      resolved: field("resolved"),
      satisfaction: field("satisfaction"),
      comment: field("comment"),
    });
    revalidatePath("/callbacks");
    return { no: ticket.no, status: ticket.status };
  });
}

/** 未接通: one more unanswered call; the last allowed one closes the ticket as 未评价. */
export async function markUnreachable(no: string, version: number) {
  return runAction(async () => {
    const result = await recordUnreachable(await requireActor(), String(no), Number(version));
    revalidatePath("/callbacks");
    return result;
  });
}
