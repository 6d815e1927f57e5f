import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { performStep } from "@/lib/dal/workflow/perform";

/** 人工派单: a dispatcher places a PENDING ticket that routing could not place, correcting its category if need be. */
export async function dispatchTicket(
  actor: Actor,
  no: string,
  input: { version: number; unit: string; category?: string },
): Promise<{ no: string; unit: string; version: number }> {
  const result = await performStep(actor, no, { action: "dispatch", version: input.version, unit: input.unit, category: input.category });
  return result as { no: string; unit: string; version: number };
}
