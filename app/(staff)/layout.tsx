import { redirect } from "next/navigation";
import { StaffShell } from "@/components/staff-shell";
import { currentActor } from "@/lib/auth/session";

// Redirects here are for comfort only; every page and action checks again in lib/dal.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.role === "CITIZEN") redirect("/my");
  return <StaffShell actor={actor}>{children}</StaffShell>;
}
