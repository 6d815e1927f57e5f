// Issue 11: the session secret is the same on every app node without configuration. Each "node"
// is a process of its own with its own DATA_DIR (as on another machine) on this file's database.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { encode, type JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { currentActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** What `npm start` hands the server as AUTH_SECRET, read by a node with its own data folder. */
async function secretOfNode(options: { legacyFile?: string; configured?: string } = {}): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jsjb-node-"));
  if (options.legacyFile) writeFileSync(path.join(dataDir, "auth-secret"), `${options.legacyFile}\n`, { mode: 0o600 });
  const nodeEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: env().databaseUrl };
  delete nodeEnv.AUTH_SECRET;
  delete nodeEnv.NEXTAUTH_SECRET;
  if (options.configured) nodeEnv.AUTH_SECRET = options.configured;
  const script = `import("@/lib/site-secret").then(async (m) => { process.stdout.write(await m.authSecret()); process.exit(0); })`;
  const { stdout } = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["-e", script], { env: nodeEnv, timeout: 60_000 });
  return stdout;
}

const stored = async () => (await db.siteSecret.findMany()).map((row) => [row.name, row.value]);

describe("the session secret without AUTH_SECRET", () => {
  beforeEach(async () => {
    await db.siteSecret.deleteMany();
  });

  it("is generated once in the database: two nodes starting at once get the same one", async () => {
    const [a, b] = await Promise.all([secretOfNode(), secretOfNode()]);
    expect(a).toHaveLength(43); // 32 random bytes, base64url
    expect(b).toBe(a);
    expect(await stored()).toEqual([["auth", a]]);
    expect(await secretOfNode()).toBe(a); // and on the next start

    // A session signed with node A's secret is accepted by this process, another node.
    const user = await db.user.findUniqueOrThrow({ where: { username: "zq1.handler" } });
    const token = { uid: user.id, sv: user.sessionVersion } as unknown as JWT;
    const cookie = `next-auth.session-token=${await encode({ token, secret: a })}`;
    const request = new Request("http://localhost/api/v1/tickets", { headers: { cookie } });
    expect(await currentActor(request)).toMatchObject({ userId: user.id });
  }, 90_000);

  it("takes over an older version's DATA_DIR/auth-secret the first time, so its sessions stay valid on every node", async () => {
    const legacy = "local-secret-of-the-old-site-0123456789";
    expect(await secretOfNode({ legacyFile: legacy })).toBe(legacy);
    expect(await secretOfNode()).toBe(legacy); // another node, without the file
    expect(await stored()).toEqual([["auth", legacy]]);
  }, 90_000);

  it("gives way to a configured AUTH_SECRET, which is not stored", async () => {
    const configured = "configured-secret-of-this-site-42";
    expect(await secretOfNode({ configured })).toBe(configured);
    expect(await stored()).toEqual([]);
  }, 90_000);
});
