import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { cli, mode } from "../support/backup";
import { restoreBackup } from "@/lib/backup/restore";
import { currentSite, type SqliteSite } from "@/lib/backup/site";
import { submitTicket } from "@/lib/dal/intake";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const input = { type: "HELP", category: "SERVICE", title: "换证预约失败", content: "12123 上驾驶证换证预约一直失败。", phone: "13711112222" };

function emptySite(): SqliteSite {
  const dir = mkdtempSync(path.join(path.dirname(env().dataDir), "restored-"));
  return { databasePath: path.join(dir, "app.db"), uploadsDir: path.join(dir, "uploads"), authSecretFile: path.join(dir, "auth-secret") };
}

describe("backup and restore", () => {
  it("backs up while tickets keep arriving, and the restore holds every ticket acknowledged before", async () => {
    const site = currentSite();
    mkdirSync(site.uploadsDir, { recursive: true });
    writeFileSync(path.join(site.uploadsDir, "photo-1.jpg"), "not really a jpeg");
    writeFileSync(site.authSecretFile, "local-secret-for-the-test", { mode: 0o600 });

    const dispatcher = await actorOf("dispatcher");
    const acknowledged: string[] = [];
    let writing = true;
    const load = (async () => {
      while (writing) acknowledged.push((await submitTicket(dispatcher, input, { channel: "PHONE_12123" })).no);
    })();
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 5));

    const target = path.join(path.dirname(env().dataDir), `backup-${process.pid}`);
    const before = [...acknowledged];
    const backup = cli("backup", target);
    const { stdout } = await backup.finally(() => (writing = false));
    await load;
    const summary = JSON.parse(stdout) as { tickets: number; photos: number; authSecret: boolean };
    expect(summary).toMatchObject({ photos: 1, authSecret: true });
    expect(acknowledged.length).toBeGreaterThan(before.length); // writes went on during the backup

    expect(mode(target)).toBe(0o700);
    for (const name of ["app.db", "manifest.json", "auth-secret", "uploads/photo-1.jpg"]) expect(mode(path.join(target, name))).toBe(0o600);

    const restored = emptySite();
    const result = await restoreBackup(restored, target);
    expect(result.tickets).toBe(summary.tickets);
    const copy = new Database(restored.databasePath, { readonly: true });
    const nos = new Set((copy.prepare(`SELECT "no" FROM "Ticket"`).all() as { no: string }[]).map((r) => r.no));
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    expect(before.filter((no) => !nos.has(no))).toEqual([]);
    expect(readFileSync(path.join(restored.uploadsDir, "photo-1.jpg"), "utf8")).toBe("not really a jpeg");
    expect(readFileSync(restored.authSecretFile, "utf8")).toBe("local-secret-for-the-test");
    expect(mode(restored.databasePath)).toBe(0o600);

    // A site with tickets is not overwritten without --force, and nothing is touched.
    const inode = statSync(env().databasePath).ino;
    const tickets = await db.ticket.count();
    await expect(cli("restore", target)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("--force") });
    await expect(restoreBackup(site, target)).rejects.toThrow("未做任何改动");
    expect(statSync(env().databasePath).ino).toBe(inode);
    expect(await db.ticket.count()).toBe(tickets);
    expect(readdirSync(site.uploadsDir)).toEqual(["photo-1.jpg"]);

    // With --force it is: a stale WAL of the replaced database is not replayed onto the backup.
    writeFileSync(`${restored.databasePath}-wal`, "stale");
    expect((await restoreBackup(restored, target, { force: true })).replacedTickets).toBe(summary.tickets);
    expect(readdirSync(path.dirname(restored.databasePath)).sort()).toEqual(["app.db", "auth-secret", "uploads"]);

    // A backup directory is never written into twice.
    await expect(cli("backup", target)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("不为空") });
  }, 60_000);

  it("refuses a damaged backup before writing anything", async () => {
    const target = path.join(path.dirname(env().dataDir), `backup-damaged-${process.pid}`);
    await cli("backup", target);
    writeFileSync(path.join(target, "app.db"), "garbage", { flag: "a" });
    const restored = emptySite();
    await expect(restoreBackup(restored, target)).rejects.toThrow("校验失败");
    expect(readdirSync(path.dirname(restored.databasePath))).toEqual([]);
  }, 60_000);
});
