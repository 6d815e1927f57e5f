"use server";

import { headers } from "next/headers";
import { followUpClient, supplementFromForm } from "@/lib/actions/follow-up";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { remindTicket } from "@/lib/dal/follow-ups";
import { trackTicket, type TrackedTicket } from "@/lib/dal/tracking";
import { clientIp, limitTrackingByIp } from "@/lib/rate-limit";

export async function lookUpTicket(formData: FormData): Promise<ActionResult<TrackedTicket>> {
  return runAction(async () => {
    const ip = clientIp(await headers());
    await limitTrackingByIp(ip);
    return trackTicket({ no: formData.get("no"), phone: formData.get("phone") }, { ip });
  });
}

/** 催办 from tracking: the number and phone prove the ticket is the caller's, as the look-up does. */
export async function remindTracked(no: string, phone: string): Promise<ActionResult<{ no: string }>> {
  return runAction(async () => {
    const ip = await followUpClient();
    return remindTicket({ tracking: { no, phone }, ip });
  });
}

/** 补充 from tracking, proven the same way. */
export async function supplementTracked(no: string, phone: string, formData: FormData): Promise<ActionResult<{ no: string }>> {
  return runAction(async () => {
    const ip = await followUpClient();
    return supplementFromForm({ tracking: { no, phone }, ip }, formData);
  });
}
