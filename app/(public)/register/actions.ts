"use server";

import { headers } from "next/headers";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { registerCitizen } from "@/lib/dal/citizens";
import { clientIp, limitRegistrationByIp } from "@/lib/rate-limit";

export async function register(formData: FormData): Promise<ActionResult<{ username: string }>> {
  return runAction(async () => {
    await limitRegistrationByIp(clientIp(await headers()));
    return registerCitizen(Object.fromEntries(["phone", "name", "password", "confirm"].map((k) => [k, formData.get(k) ?? undefined])));
  });
}
