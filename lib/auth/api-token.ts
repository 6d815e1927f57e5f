import { createHash, randomBytes } from "node:crypto";

/**
 * A user's token and an API client's token differ in their prefix, so the one lookup a request
 * needs goes to the right table (ApiToken or ApiClient) and an administrator can tell them apart.
 */
const TOKEN_PREFIXES = { user: "jsjb_", client: "jsjc_" } as const;
export type TokenKind = keyof typeof TOKEN_PREFIXES;

/** A new API token. Only its hash is stored; the token itself is shown once. */
export function newApiToken(kind: TokenKind = "user"): { token: string; tokenHash: string; prefix: string } {
  const prefix = TOKEN_PREFIXES[kind];
  const token = prefix + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, prefix.length + 6) };
}

/** Whose token this looks like; anything without the client prefix is looked up as a user's. */
export function tokenKind(token: string): TokenKind {
  return token.startsWith(TOKEN_PREFIXES.client) ? "client" : "user";
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function bearerToken(authorization: string | null): string | null {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
