import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashToken, newApiToken } from "@/lib/auth/api-token";
import { isRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { sql } from "@/lib/sql";
import { toBoolean, toMillis } from "@/lib/sql/values";

/** lastUsedAt is a hint for administrators; writing it once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Records that a token (a user's or an API client's) was used. A hint for administrators: written
 * at most once a minute, not awaited, and a busy database only delays it to a later call.
 */
export function noteTokenUse(table: "ApiToken" | "ApiClient", id: string, lastUsedAt: Date | number | null, now: number): void {
  const last = toMillis(lastUsedAt);
  if (last !== null && now - last <= LAST_USED_RESOLUTION_MS) return;
  void sql()
    .updateTable(table)
    .set({ lastUsedAt: new Date(now) })
    .where("id", "=", id)
    .execute()
    .catch(() => {});
}

/**
 * Issues a token for a user. Called by the CLI, which only a server administrator can run;
 * the admin pages add their own permission check around it.
 */
export async function issueApiToken(username: string, name = "CLI"): Promise<string> {
  const user = await db.user.findUnique({ where: { username }, select: { id: true, active: true } });
  if (!user || !user.active) throw new NotFound(`用户 ${username} 不存在或已停用`);
  const { token, tokenHash, prefix } = newApiToken();
  await db.apiToken.create({ data: { userId: user.id, name, tokenHash, prefix } });
  return token;
}

/**
 * The active user behind a Bearer token, or null. Every API call starts here, so it is one
 * indexed read (one query through the query builder rather than two Prisma queries).
 */
export async function actorFromApiToken(token: string): Promise<Actor | null> {
  const row = await sql()
    .selectFrom("ApiToken as t")
    .innerJoin("User as u", "u.id", "t.userId")
    .leftJoin("Unit as n", "n.id", "u.unitId")
    .select(["t.id as tokenId", "t.revokedAt", "t.expiresAt", "t.lastUsedAt", "u.id as userId", "u.username", "u.displayName", "u.role", "u.active", "u.phone"])
    .select(["n.id as unitId", "n.code as unitCode", "n.name as unitName"])
    .where("t.tokenHash", "=", hashToken(token))
    .executeTakeFirst();
  const now = Date.now();
  const expiresAt = row ? toMillis(row.expiresAt) : null;
  if (!row || row.revokedAt !== null || (expiresAt !== null && expiresAt <= now)) return null;
  if (!toBoolean(row.active) || !isRole(row.role)) return null;
  noteTokenUse("ApiToken", row.tokenId, row.lastUsedAt, now);
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    unitId: row.unitId,
    unitCode: row.unitCode,
    unitName: row.unitName,
    phone: row.phone,
  };
}
