"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { changeUserRole, createStaffUser, resetUserPassword, setUserActive, unlockUser, updateUserContact } from "@/lib/dal/admin/users";
import type { AdminFormInput } from "@/lib/validation/admin";

function refresh() {
  revalidatePath("/admin/users");
  revalidatePath("/admin");
}

export async function createUserAction(input: AdminFormInput) {
  return runAction(async () => {
    const user = await createStaffUser(await requireActor(), input);
    refresh();
    return user;
  });
}

export async function changeUserRoleAction(userId: string, input: AdminFormInput) {
  return runAction(async () => {
    const result = await changeUserRole(await requireActor(), String(userId), input);
    refresh();
    return result;
  });
}

export async function updateUserContactAction(userId: string, input: AdminFormInput) {
  return runAction(async () => {
    const result = await updateUserContact(await requireActor(), String(userId), input);
    refresh();
    return result;
  });
}

export async function resetPasswordAction(userId: string, input: AdminFormInput) {
  return runAction(async () => {
    const result = await resetUserPassword(await requireActor(), String(userId), input);
    refresh();
    return result;
  });
}

export async function setUserActiveAction(userId: string, active: boolean) {
  return runAction(async () => {
    const result = await setUserActive(await requireActor(), String(userId), active === true);
    refresh();
    return result;
  });
}

export async function unlockUserAction(userId: string) {
  return runAction(async () => {
    const result = await unlockUser(await requireActor(), String(userId));
    refresh();
    return result;
  });
}
