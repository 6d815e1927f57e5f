import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashToken, newApiToken } from "@/lib/auth/api-token";
import { isRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { prepared, rawSqlite } from "@/lib/sqlite";

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

type TokenRow = {
  tokenId: string;
  revokedAt: number | null;
  expiresAt: number | null;
  lastUsedAt: number | null;
  userId: string;
  username: string;
  displayName: string;
  role: string;
  active: number;
  phone: string | null;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
};

/**
 * The active user behind a Bearer token, or null. Every API call starts here, so it is one
 * indexed read on the raw connection (lib/sqlite.ts) rather than two Prisma queries.
 */
export async function actorFromApiToken(token: string): Promise<Actor | null> {
  const sqlite = rawSqlite();
  const row = prepared(
    sqlite,
    `SELECT t."id" AS tokenId, t."revokedAt" AS revokedAt, t."expiresAt" AS expiresAt, t."lastUsedAt" AS lastUsedAt,
            u."id" AS userId, u."username" AS username, u."displayName" AS displayName, u."role" AS role,
            u."active" AS active, u."phone" AS phone, n."id" AS unitId, n."code" AS unitCode, n."name" AS unitName
       FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" LEFT JOIN "Unit" n ON n."id" = u."unitId"
      WHERE t."tokenHash" = ?`,
  ).get(hashToken(token)) as TokenRow | undefined;
  const now = Date.now();
  if (!row || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= now)) return null;
  if (!row.active || !isRole(row.role)) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt > LAST_USED_RESOLUTION_MS) {
    try {
      prepared(sqlite, `UPDATE "ApiToken" SET "lastUsedAt" = ? WHERE "id" = ?`).run(now, row.tokenId);
    } catch {
      // Another connection is writing; lastUsedAt is only a hint, the next call records it.
    }
  }
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
