"use server";

import { runAction, type ActionResult } from "@/lib/actions/result";
import { submitEvaluationByLink } from "@/lib/dal/evaluations";

/** The citizen's answers through the one-time link; the token is the only credential. */
export async function submitEvaluation(token: string, formData: FormData): Promise<ActionResult<{ closed: boolean }>> {
  return runAction(async () => {
    const field = (name: string) => formData.get(name) ?? undefined;
    const { closed } = await submitEvaluationByLink(token, {
      resolved: field("resolved"),
      satisfaction: field("satisfaction"),
      comment: field("comment"),
    });
    return { closed };
  });
}
