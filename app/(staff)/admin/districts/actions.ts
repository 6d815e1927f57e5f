"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { updateDistrictBoundary } from "@/lib/dal/admin/districts";
import type { AdminFormInput } from "@/lib/validation/admin";

export async function updateDistrictBoundaryAction(name: string, input: AdminFormInput) {
  return runAction(async () => {
    const result = await updateDistrictBoundary(await requireActor(), String(name), input);
    revalidatePath("/admin/districts");
    revalidatePath("/admin");
    return result;
  });
}
