"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { addCalendarDay, removeCalendarDay, replaceCalendarYear } from "@/lib/dal/admin/calendar";
import type { AdminFormInput } from "@/lib/validation/admin";

function refresh() {
  revalidatePath("/admin/calendar");
  revalidatePath("/admin/time-limits"); // its example deadlines follow the calendar
  revalidatePath("/admin");
}

export async function addCalendarDayAction(input: AdminFormInput) {
  return runAction(async () => {
    const day = await addCalendarDay(await requireActor(), input);
    refresh();
    return day;
  });
}

export async function removeCalendarDayAction(date: string) {
  return runAction(async () => {
    const result = await removeCalendarDay(await requireActor(), String(date));
    refresh();
    return result;
  });
}

export async function replaceCalendarYearAction(input: { year: number; text: string }) {
  return runAction(async () => {
    const saved = await replaceCalendarYear(await requireActor(), input);
    refresh();
    return saved;
  });
}
