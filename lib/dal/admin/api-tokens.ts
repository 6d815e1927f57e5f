import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { newApiToken } from "@/lib/auth/api-token";
import type { Role } from "@/lib/auth/permissions";
import { db, transaction } from "@/lib/db";
import { Invalid, NotFound } from "@/lib/errors";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { parseOrThrow } from "@/lib/validation/errors";
import { issueTokenSchema } from "@/lib/validation/admin";

const LIST_LIMIT = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ApiTokenRow = {
  id: string;
  prefix: string;
  name: string;
  username: string;
  displayName: string;
  userActive: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

/** Tokens newest first, by their prefix: the token itself is never stored, only its hash. */
export async function listApiTokens(actor: Actor): Promise<ApiTokenRow[]> {
  requireAdmin(actor);
  const tokens = await db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
    select: {
      id: true,
      prefix: true,
      name: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { username: true, displayName: true, active: true } },
    },
  });
  return tokens.map(({ user, ...t }) => ({ ...t, username: user.username, displayName: user.displayName, userActive: user.active }));
}

/** Active staff accounts a token can be issued to (integrations act as a staff user). */
export async function listTokenHolders(actor: Actor): Promise<{ username: string; displayName: string; role: Role }[]> {
  requireAdmin(actor);
  return db.user.findMany({
    where: { active: true, role: { not: "CITIZEN" } },
    select: { username: true, displayName: true, role: true },
    orderBy: { username: "asc" },
  });
}

function snapshot(t: { prefix: string; name: string; expiresAt: Date | null; revokedAt: Date | null }, username: string) {
  return { prefix: t.prefix, name: t.name, username, expiresAt: t.expiresAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null };
}

/**
 * Issues a token for a user. The token is returned once, here, and never again: only its
 * SHA-256 is stored (lib/auth/api-token.ts).
 */
export async function issueApiTokenFor(actor: Actor, raw: unknown): Promise<{ id: string; token: string; prefix: string; username: string }> {
  requireAdmin(actor);
  const input = parseOrThrow(issueTokenSchema, raw);
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { username: input.username }, select: { id: true, active: true, role: true } });
    if (!user) throw new Invalid([{ field: "username", message: `用户「${input.username}」不存在` }]);
    if (!user.active) throw new Invalid([{ field: "username", message: `用户「${input.username}」已停用，请先启用` }]);
    if (user.role === "CITIZEN") throw new Invalid([{ field: "username", message: "接口令牌只签发给工作人员账户" }]);
    const { token, tokenHash, prefix } = newApiToken();
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null;
    const row = await tx.apiToken.create({ data: { userId: user.id, name: input.name, tokenHash, prefix, expiresAt } });
    await writeAudit(tx, actor, { entity: "ApiToken", entityId: row.id, action: "ISSUE", before: null, after: snapshot(row, input.username) });
    return { id: row.id, token, prefix, username: input.username };
  });
}

/** 吊销: the token stops working at once (actorFromApiToken refuses revoked tokens). */
export async function revokeApiToken(actor: Actor, id: string): Promise<{ id: string; revokedAt: Date }> {
  requireAdmin(actor);
  return transaction(async (tx) => {
    const existing = await tx.apiToken.findUnique({ where: { id }, include: { user: { select: { username: true } } } });
    if (!existing) throw new NotFound("该接口令牌不存在");
    if (existing.revokedAt) return { id, revokedAt: existing.revokedAt };
    const row = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, actor, {
      entity: "ApiToken",
      entityId: id,
      action: "REVOKE",
      before: snapshot(existing, existing.user.username),
      after: snapshot(row, existing.user.username),
    });
    return { id, revokedAt: row.revokedAt! };
  });
}
