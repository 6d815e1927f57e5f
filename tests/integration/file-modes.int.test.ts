// Issue 9 item 18: the data folder and the database (with its -wal/-shm) are owner-only, even
// when the process's umask would leave them world-readable. (The generated session secret is no
// file any more but a row: tests/integration/site-secret.int.test.ts.)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const mode = (file: string) => statSync(file).mode & 0o777;

describe("files that hold data and secrets", () => {
  it("prepare-db creates the data folder 0700 and the database 0600 under umask 022", () => {
    const site = path.join(mkdtempSync(path.join(path.dirname(process.env.DATA_DIR!), "modes-")), "site");
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: site, DEMO_DATA: "0" };
    delete env.DATABASE_URL;
    execFileSync("sh", ["-c", "umask 022 && exec node_modules/.bin/tsx scripts/prepare-db.ts"], { env, stdio: "ignore" });
    expect(mode(site)).toBe(0o700);
    const database = path.join(site, "app.db");
    expect(mode(database)).toBe(0o600);
    for (const side of ["-wal", "-shm"]) if (existsSync(database + side)) expect(mode(database + side)).toBe(0o600);
  }, 120_000);
});
