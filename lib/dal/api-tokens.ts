import "server-only";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { hashToken, newApiToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";

/** lastUsedAt is a hint for administrators; writing it once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

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

export async function actorFromApiToken(token: string): Promise<Actor | null> {
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  const now = new Date();
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) return null;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  return loadActor(db, record.userId);
}
