"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { addSubCategory, setSubCategoryActive, updateCategory } from "@/lib/dal/admin/categories";
import type { AdminFormInput } from "@/lib/validation/admin";

function refresh() {
  revalidatePath("/admin/categories");
  revalidatePath("/admin/routing"); // its sub-category choices
  revalidatePath("/admin");
}

export async function updateCategoryAction(code: string, input: AdminFormInput) {
  return runAction(async () => {
    const result = await updateCategory(await requireActor(), String(code), input);
    refresh();
    return result;
  });
}

export async function addSubCategoryAction(categoryCode: string, input: AdminFormInput) {
  return runAction(async () => {
    const result = await addSubCategory(await requireActor(), String(categoryCode), input);
    refresh();
    return result;
  });
}

export async function setSubCategoryActiveAction(id: string, active: boolean) {
  return runAction(async () => {
    const result = await setSubCategoryActive(await requireActor(), String(id), active === true);
    refresh();
    return result;
  });
}
