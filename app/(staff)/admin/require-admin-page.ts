import "server-only";
import { forbidden } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";

/** For comfort: a non-admin gets the 403 page at once. Every lib/dal/admin call checks again. */
export async function requireAdminPage(): Promise<Actor> {
  const actor = await requirePageActor();
  if (!can(actor.role, "admin:manage")) forbidden();
  return actor;
}
