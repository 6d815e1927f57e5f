"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { createApiClient, revokeApiClient } from "@/lib/dal/admin/api-clients";
import type { AdminFormInput } from "@/lib/validation/admin";

function refresh() {
  revalidatePath("/admin/api-clients");
  revalidatePath("/admin");
}

/** Answers the client's token once; it is never stored or shown again. */
export async function createApiClientAction(input: AdminFormInput) {
  return runAction(async () => {
    const issued = await createApiClient(await requireActor(), input);
    refresh();
    return issued;
  });
}

export async function revokeApiClientAction(id: string) {
  return runAction(async () => {
    const result = await revokeApiClient(await requireActor(), String(id));
    refresh();
    return result;
  });
}
