"use server";

import { headers } from "next/headers";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { trackTicket, type TrackedTicket } from "@/lib/dal/tracking";
import { clientIp, limitTrackingByIp } from "@/lib/rate-limit";

export async function lookUpTicket(formData: FormData): Promise<ActionResult<TrackedTicket>> {
  return runAction(async () => {
    const ip = clientIp(await headers());
    await limitTrackingByIp(ip);
    return trackTicket({ no: formData.get("no"), phone: formData.get("phone") }, { ip });
  });
}
