import "server-only";
// 接口客户端 (DOMAIN.md §7, issue 12 item 4): an administrator creates, lists and revokes the
// integrations that call the API as themselves. Every change is audited in its own transaction.
import type { Actor } from "@/lib/auth/actor";
import { newApiToken } from "@/lib/auth/api-token";
import { db, transaction } from "@/lib/db";
import { formatScopes, parseScopes, type ApiClientScope } from "@/lib/domain/api-clients";
import { Invalid, NotFound } from "@/lib/errors";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { parseOrThrow } from "@/lib/validation/errors";
import { apiClientSchema } from "@/lib/validation/admin";

const LIST_LIMIT = 200;

export type ApiClientRow = {
  id: string;
  name: string;
  prefix: string;
  unitCode: string;
  unitName: string;
  channel: string;
  scopes: ApiClientScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Clients newest first, by their token prefix: the token itself is never stored, only its hash. */
export async function listApiClients(actor: Actor): Promise<ApiClientRow[]> {
  requireAdmin(actor);
  const rows = await db.apiClient.findMany({
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
    select: {
      id: true,
      name: true,
      prefix: true,
      channel: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      unit: { select: { code: true, name: true } },
    },
  });
  return rows.map(({ unit, scopes, ...c }) => ({ ...c, scopes: parseScopes(scopes), unitCode: unit.code, unitName: unit.name }));
}

/** The active units a client may belong to, for the form's choice. */
export async function listClientUnits(actor: Actor): Promise<{ code: string; name: string }[]> {
  requireAdmin(actor);
  return db.unit.findMany({ where: { active: true }, select: { code: true, name: true }, orderBy: { code: "asc" } });
}

function snapshot(c: { name: string; prefix: string; channel: string; scopes: string; revokedAt: Date | null }, unitCode: string) {
  return { name: c.name, prefix: c.prefix, unitCode, channel: c.channel, scopes: c.scopes, revokedAt: c.revokedAt?.toISOString() ?? null };
}

export type IssuedApiClient = { id: string; name: string; token: string; prefix: string };

/**
 * Creates a client and its token. The token is returned once, here, and never again: only its
 * SHA-256 is stored. `actor` null is the CLI, which only a server administrator can run; the
 * admin page goes through createApiClient, which checks the permission first.
 */
export async function issueApiClient(actor: Actor | null, raw: unknown): Promise<IssuedApiClient> {
  const input = parseOrThrow(apiClientSchema, raw);
  return transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { code: input.unit }, select: { id: true, name: true, active: true } });
    if (!unit) throw new Invalid([{ field: "unit", message: `单位「${input.unit}」不存在` }]);
    if (!unit.active) throw new Invalid([{ field: "unit", message: `「${unit.name}」已停用，不能作为归属单位` }]);
    if (await tx.apiClient.findUnique({ where: { name: input.name }, select: { id: true } })) {
      throw new Invalid([{ field: "name", message: `已有名为「${input.name}」的接口客户端，请换一个名称` }]);
    }
    const { token, tokenHash, prefix } = newApiToken("client");
    const row = await tx.apiClient.create({
      data: { name: input.name, unitId: unit.id, channel: input.channel, scopes: formatScopes(input.scopes), tokenHash, prefix },
    });
    await writeAudit(tx, actor, { entity: "ApiClient", entityId: row.id, action: "CREATE", before: null, after: snapshot(row, input.unit) });
    return { id: row.id, name: row.name, token, prefix };
  });
}

export async function createApiClient(actor: Actor, raw: unknown): Promise<IssuedApiClient> {
  requireAdmin(actor);
  return issueApiClient(actor, raw);
}

/** 吊销: the client's token stops working at once (apiClientFromToken refuses revoked clients). */
export async function revokeApiClient(actor: Actor, id: string): Promise<{ id: string; revokedAt: Date }> {
  requireAdmin(actor);
  return transaction(async (tx) => {
    const existing = await tx.apiClient.findUnique({ where: { id }, include: { unit: { select: { code: true } } } });
    if (!existing) throw new NotFound("该接口客户端不存在");
    if (existing.revokedAt) return { id, revokedAt: existing.revokedAt };
    const row = await tx.apiClient.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, actor, {
      entity: "ApiClient",
      entityId: id,
      action: "REVOKE",
      before: snapshot(existing, existing.unit.code),
      after: snapshot(row, existing.unit.code),
    });
    return { id, revokedAt: row.revokedAt! };
  });
}
