// Who is calling. Every DAL function takes an Actor and checks it; the actor is always reloaded
// from the database so a deactivated user or a changed role takes effect at once.
import { isRole, type Role } from "@/lib/auth/permissions";
import { sql } from "@/lib/sql";
import { toBoolean } from "@/lib/sql/values";
import type { ApiClientChannel, ApiClientScope } from "@/lib/domain/api-clients";

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  phone: string | null;
};

/**
 * An API client (接口客户端): an integration calling as itself, with no user account, role or
 * session. It reaches only the functions that take a Caller (intake and ticket reads), which
 * check its scopes; everything else takes an Actor, so the compiler keeps a client out of it.
 */
export type ApiClientActor = {
  kind: "apiClient";
  clientId: string;
  name: string;
  /** The owner unit (归属单位): the scope of "tickets:read:unit". */
  unitId: string;
  channel: ApiClientChannel;
  scopes: readonly ApiClientScope[];
};

/** Whoever calls a function that serves both people and API clients. */
export type Caller = Actor | ApiClientActor;

export function isApiClient(caller: Caller | null | undefined): caller is ApiClientActor {
  return caller != null && "kind" in caller && caller.kind === "apiClient";
}

/**
 * The active user as an Actor. With `sessionVersion` (a signed-in session's copy), a user whose
 * version has moved on since that sign-in is treated as signed out (issue 9 item 13). Read on
 * every request, so one joined statement on the query builder (issue 15).
 */
export async function loadActor(userId: string, sessionVersion?: number): Promise<Actor | null> {
  const user = await sql()
    .selectFrom("User as u")
    .leftJoin("Unit as n", "n.id", "u.unitId")
    .select(["u.id", "u.username", "u.displayName", "u.role", "u.active", "u.phone", "u.sessionVersion", "n.id as unitId", "n.code as unitCode", "n.name as unitName"])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!user || !toBoolean(user.active) || !isRole(user.role)) return null;
  if (sessionVersion !== undefined && Number(user.sessionVersion) !== sessionVersion) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId ?? null,
    unitCode: user.unitCode ?? null,
    unitName: user.unitName ?? null,
    phone: user.phone,
  };
}
