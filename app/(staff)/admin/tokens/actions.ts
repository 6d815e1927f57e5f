"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { issueApiTokenFor, revokeApiToken } from "@/lib/dal/admin/api-tokens";
import type { AdminFormInput } from "@/lib/validation/admin";

function refresh() {
  revalidatePath("/admin/tokens");
  revalidatePath("/admin");
}

/** Answers the token itself once; it is never stored or shown again. */
export async function issueTokenAction(input: AdminFormInput) {
  return runAction(async () => {
    const issued = await issueApiTokenFor(await requireActor(), input);
    refresh();
    return issued;
  });
}

export async function revokeTokenAction(id: string) {
  return runAction(async () => {
    const result = await revokeApiToken(await requireActor(), String(id));
    refresh();
    return result;
  });
}
