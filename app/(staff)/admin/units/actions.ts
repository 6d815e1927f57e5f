"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { createUnit, updateUnit } from "@/lib/dal/admin/units";
import type { AdminFormInput } from "@/lib/validation/admin";

function refresh() {
  revalidatePath("/admin/units");
  revalidatePath("/admin");
}

export async function createUnitAction(input: AdminFormInput) {
  return runAction(async () => {
    const unit = await createUnit(await requireActor(), input);
    refresh();
    return unit;
  });
}

export async function updateUnitAction(id: string, input: AdminFormInput) {
  return runAction(async () => {
    const unit = await updateUnit(await requireActor(), String(id), input);
    refresh();
    return unit;
  });
}
