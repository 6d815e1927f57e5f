"use server";

import { runAction, type ActionResult } from "@/lib/actions/result";
import { followUpClient, supplementFromForm } from "@/lib/actions/follow-up";
import { requireActor } from "@/lib/auth/session";
import { evaluateOwnTicket } from "@/lib/dal/evaluations";
import { remindTicket } from "@/lib/dal/follow-ups";

/** 催办 on the signed-in citizen's own ticket (lib/dal/follow-ups.ts checks it is theirs). */
export async function remindMine(no: string): Promise<ActionResult<{ no: string }>> {
  return runAction(async () => {
    await followUpClient();
    return remindTicket({ actor: await requireActor(), no });
  });
}

/** 补充 on the signed-in citizen's own ticket. */
export async function supplementMine(no: string, formData: FormData): Promise<ActionResult<{ no: string }>> {
  return runAction(async () => {
    await followUpClient();
    return supplementFromForm({ actor: await requireActor(), no }, formData);
  });
}

/** 评价 from 我的诉求: the evaluation link's questions, for the ticket's own citizen. */
export async function evaluateMine(no: string, formData: FormData): Promise<ActionResult<{ closed: boolean }>> {
  return runAction(async () => {
    const field = (name: string) => formData.get(name) ?? undefined;
    const { closed } = await evaluateOwnTicket(await requireActor(), no, {
      resolved: field("resolved"),
      satisfaction: field("satisfaction"),
      comment: field("comment"),
    });
    return { closed };
  });
}
