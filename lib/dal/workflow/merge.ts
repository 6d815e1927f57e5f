import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { performStep } from "@/lib/dal/workflow/perform";

/**
 * 并单 (一单到底): a repeat call about the same matter becomes MERGED into the master ticket; the
 * caller is told the master's number and from then on follows the master's updates.
 */
export async function mergeTicket(actor: Actor, no: string, input: { version: number; into: string }): Promise<{ no: string; into: string }> {
  const result = await performStep(actor, no, { action: "merge", version: input.version, into: input.into });
  return result as { no: string; into: string };
}
