"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { createRoutingRule, previewRouting, setRoutingRuleActive, updateRoutingRule } from "@/lib/dal/admin/routing-rules";
import type { AdminFormInput } from "@/lib/validation/admin";

function refresh() {
  revalidatePath("/admin/routing");
  revalidatePath("/admin");
}

/** Creates a rule, or saves the one being edited (`id`). lib/dal/admin authorises and validates. */
export async function saveRoutingRule(id: string | null, input: AdminFormInput) {
  return runAction(async () => {
    const actor = await requireActor();
    const saved = id ? await updateRoutingRule(actor, String(id), input) : await createRoutingRule(actor, input);
    refresh();
    return saved;
  });
}

export async function toggleRoutingRule(id: string, active: boolean) {
  return runAction(async () => {
    const result = await setRoutingRuleActive(await requireActor(), String(id), active === true);
    refresh();
    return result;
  });
}

/** Writes nothing: which unit the draft rule set would pick for the sample, and why. */
export async function previewRoutingRule(input: { draft: AdminFormInput; sample: AdminFormInput; editingId: string | null }) {
  return runAction(async () =>
    previewRouting(await requireActor(), { draft: input?.draft, sample: input?.sample, editingId: input?.editingId ?? null }),
  );
}
