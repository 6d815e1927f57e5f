import type { Role } from "@/lib/auth/permissions";

/** Where each role lands after signing in. ADMIN has no ticket pages, only administration. */
export function homePathFor(role: Role): string {
  if (role === "ADMIN") return "/admin";
  return role === "CITIZEN" ? "/my" : "/workbench";
}

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeCallbackPath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  return value;
}
