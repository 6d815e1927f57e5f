import "server-only";
import type { ApiClientActor, Caller } from "@/lib/auth/actor";
import { hashToken, tokenKind } from "@/lib/auth/api-token";
import { isApiClientChannel, parseScopes } from "@/lib/domain/api-clients";
import { actorFromApiToken, noteTokenUse } from "@/lib/dal/api-tokens";
import { sql } from "@/lib/sql";

/**
 * The API client behind a Bearer token, or null when there is none or it was revoked. One indexed
 * read, like a user's token. A stored channel this version does not accept names nobody (fails
 * closed) rather than submitting on a channel the client was never meant to have.
 */
export async function apiClientFromToken(token: string): Promise<ApiClientActor | null> {
  const row = await sql()
    .selectFrom("ApiClient")
    .select(["id", "name", "unitId", "channel", "scopes", "revokedAt", "lastUsedAt"])
    .where("tokenHash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.revokedAt !== null || !isApiClientChannel(row.channel)) return null;
  noteTokenUse("ApiClient", row.id, row.lastUsedAt, Date.now());
  return { kind: "apiClient", clientId: row.id, name: row.name, unitId: row.unitId, channel: row.channel, scopes: parseScopes(row.scopes) };
}

/** Whoever a Bearer token names: an API client (by its prefix) or a user, else null. */
export async function callerFromApiToken(token: string): Promise<Caller | null> {
  return tokenKind(token) === "client" ? apiClientFromToken(token) : actorFromApiToken(token);
}
