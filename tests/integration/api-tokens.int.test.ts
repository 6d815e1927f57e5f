// API tokens on either engine (vitest.config.ts runs this file on SQLite and PostgreSQL): the
// token names its user, a revoked, expired or deactivated one names nobody, and use is recorded.
import { describe, expect, it } from "vitest";
import { actorFromApiToken, issueApiToken } from "@/lib/dal/api-tokens";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/api-token";

async function row(token: string) {
  return db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
}

describe("API tokens", () => {
  it("name their active user with role and unit, and record when they were used", async () => {
    const token = await issueApiToken("zq1.handler");
    expect((await row(token)).lastUsedAt).toBeNull();
    expect(await actorFromApiToken(token)).toMatchObject({ username: "zq1.handler", role: "HANDLER", unitCode: "ZQ1" });
    await expect.poll(async () => (await row(token)).lastUsedAt).not.toBeNull();
    expect(await actorFromApiToken(`${token}x`)).toBeNull();
  });

  it("stop working when revoked, expired, or their user is deactivated", async () => {
    const revoked = await issueApiToken("dispatcher");
    await db.apiToken.update({ where: { tokenHash: hashToken(revoked) }, data: { revokedAt: new Date() } });
    expect(await actorFromApiToken(revoked)).toBeNull();

    const expired = await issueApiToken("dispatcher");
    await db.apiToken.update({ where: { tokenHash: hashToken(expired) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await actorFromApiToken(expired)).toBeNull();

    const later = await issueApiToken("dispatcher");
    await db.apiToken.update({ where: { tokenHash: hashToken(later) }, data: { expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(await actorFromApiToken(later)).toMatchObject({ username: "dispatcher" });

    const handler = await issueApiToken("zq2.handler");
    await db.user.update({ where: { username: "zq2.handler" }, data: { active: false } });
    expect(await actorFromApiToken(handler)).toBeNull();
  });
});
