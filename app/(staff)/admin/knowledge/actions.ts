"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { saveKnowledge } from "@/lib/dal/knowledge";
import type { AdminFormInput } from "@/lib/validation/admin";

/** Adds a knowledge-base entry (id null) or edits one. */
export async function saveKnowledgeAction(id: string | null, input: AdminFormInput) {
  return runAction(async () => {
    const result = await saveKnowledge(await requireActor(), id === null ? null : String(id), input);
    revalidatePath("/admin/knowledge");
    return result;
  });
}
