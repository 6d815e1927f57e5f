"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { createPlace, deletePlace, previewPlacePaste, savePlacePaste, updatePlace } from "@/lib/dal/admin/gazetteer";
import type { AdminFormInput } from "@/lib/validation/admin";

function refresh() {
  revalidatePath("/admin/gazetteer");
  revalidatePath("/admin");
}

export async function createPlaceAction(input: AdminFormInput) {
  return runAction(async () => {
    const result = await createPlace(await requireActor(), input);
    refresh();
    return result;
  });
}

export async function updatePlaceAction(id: string, input: AdminFormInput) {
  return runAction(async () => {
    const result = await updatePlace(await requireActor(), String(id), input);
    refresh();
    return result;
  });
}

export async function deletePlaceAction(id: string) {
  return runAction(async () => {
    const result = await deletePlace(await requireActor(), String(id));
    refresh();
    return result;
  });
}

/** Stores nothing: the lines as they would be saved, each ok or with its reason. */
export async function previewPlacePasteAction(input: AdminFormInput) {
  return runAction(async () => previewPlacePaste(await requireActor(), input));
}

export async function savePlacePasteAction(input: AdminFormInput) {
  return runAction(async () => {
    const result = await savePlacePaste(await requireActor(), input);
    refresh();
    return result;
  });
}
