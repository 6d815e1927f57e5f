// Issue 10: backup and restore of a PostgreSQL site (pg_dump / pg_restore behind the same CLI
// commands), and a backup of one engine refused on a site of the other. Runs in the SQLite
// project: its own throw-away PostgreSQL server beside the file's SQLite site.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, cliIn, mode } from "../support/backup";
import { query, startPostgres, type Postgres } from "../support/postgres";
import { describeFile, type Manifest } from "@/lib/backup/manifest";
import { restoreBackup } from "@/lib/backup/restore";
import { currentSite } from "@/lib/backup/site";
import { createPostgresClient } from "@/lib/db-postgres";
import { env } from "@/lib/env";
import { MIGRATIONS_DIRS, readMigrations } from "@/lib/migrations/files";
import { migratePostgres } from "@/lib/migrations/postgres";
import { seedDatabase } from "@/prisma/seed";

let server: Postgres;
beforeAll(async () => {
  server = await startPostgres();
}, 30_000);
afterAll(() => server?.stop());


/** A PostgreSQL site: a new database on the test server (migrated and seeded when asked) and a data folder. */
async function postgresSite(name: string, options: { seeded: boolean }) {
  const url = await server.createDatabase(name);
  if (options.seeded) {
    await migratePostgres(url);
    const client = createPostgresClient(url);
    await seedDatabase(client, { demoData: false });
    await client.$disconnect();
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), `jsjb-pg-site-${name}-`));
  return { url, dataDir, env: { DATABASE_URL: url, DATA_DIR: dataDir } };
}

const ticketNos = async (url: string) => (await query<{ no: string }>(url, `SELECT "no" FROM "Ticket"`)).map((row) => row.no);
const newTarget = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), "jsjb-pg-backup-")), name);

describe("backup and restore on PostgreSQL", () => {
  let source: Awaited<ReturnType<typeof postgresSite>>;
  let target: string;
  let summary: { engine: string; tickets: number; photos: number; authSecret: boolean; migration: string };
  let before: string[];

  it("backs up while tickets keep arriving, and an empty database restored from it holds every ticket acknowledged before", async () => {
    source = await postgresSite("source", { seeded: true });
    mkdirSync(path.join(source.dataDir, "uploads"));
    writeFileSync(path.join(source.dataDir, "uploads", "photo-1.jpg"), "not really a jpeg");
    writeFileSync(path.join(source.dataDir, "auth-secret"), "local-secret-for-the-test", { mode: 0o600 });

    const client = createPostgresClient(source.url);
    const { code: categoryCode } = await client.category.findFirstOrThrow({ select: { code: true } });
    const acknowledged: string[] = [];
    let writing = true;
    const deadline = Date.now() + 45_000; // bounded, whatever happens to the backup
    const load = (async () => {
      for (let i = 0; writing && Date.now() < deadline; i++) {
        const no = `PG${String(i).padStart(6, "0")}`;
        await client.ticket.create({
          data: { no, channel: "WEB", type: "HELP", categoryCode, title: "换证预约失败", content: "预约一直失败。", status: "PENDING", receivedAt: new Date() },
        });
        acknowledged.push(no);
      }
    })();
    try {
      while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 5));
      target = newTarget("backup");
      before = [...acknowledged];
      const { stdout } = await cliIn(source.env, "backup", target).finally(() => (writing = false));
      summary = JSON.parse(stdout) as typeof summary;
      await load;
    } finally {
      writing = false;
      await client.$disconnect();
    }
    expect(summary).toMatchObject({ engine: "postgresql", photos: 1, authSecret: true, migration: readMigrations(MIGRATIONS_DIRS.postgresql).at(-1)?.name });
    expect(acknowledged.length).toBeGreaterThan(before.length); // writes went on during the backup

    expect(mode(target)).toBe(0o700);
    expect(readdirSync(target).sort()).toEqual(["app.pgdump", "auth-secret", "manifest.json", "uploads"]);
    for (const name of ["app.pgdump", "manifest.json", "auth-secret", "uploads/photo-1.jpg"]) expect(mode(path.join(target, name))).toBe(0o600);
    expect(JSON.parse(readFileSync(path.join(target, "manifest.json"), "utf8"))).toMatchObject({ engine: "postgresql", tickets: summary.tickets });

    const empty = await postgresSite("restored", { seeded: false });
    const { stdout } = await cliIn(empty.env, "restore", target);
    expect(JSON.parse(stdout)).toMatchObject({ engine: "postgresql", tickets: summary.tickets, photos: 1, authSecret: true, replacedTickets: 0 });
    const restored = new Set(await ticketNos(empty.url));
    expect(restored.size).toBe(summary.tickets);
    expect(before.filter((no) => !restored.has(no))).toEqual([]);
    expect(await query(empty.url, `SELECT max("name") AS name FROM "_jsjb_migrations"`)).toEqual([{ name: summary.migration }]);
    expect(readFileSync(path.join(empty.dataDir, "uploads", "photo-1.jpg"), "utf8")).toBe("not really a jpeg");
    expect(readFileSync(path.join(empty.dataDir, "auth-secret"), "utf8")).toBe("local-secret-for-the-test");
    expect(mode(path.join(empty.dataDir, "auth-secret"))).toBe(0o600);
    // The restored database takes new tickets and users sign in as before: the app can use it.
    const restoredClient = createPostgresClient(empty.url);
    try {
      expect(await restoredClient.user.count()).toBe((await query<{ n: number }>(source.url, `SELECT count(*)::int AS n FROM "User"`))[0]!.n);
      await restoredClient.ticket.create({
        data: { no: "AFTER-RESTORE", channel: "WEB", type: "HELP", categoryCode: "SERVICE", title: "t", content: "c", status: "PENDING", receivedAt: new Date() },
      });
    } finally {
      await restoredClient.$disconnect();
    }
  }, 90_000);

  it("restores over a database with tickets only with --force, and changes nothing without it", async () => {
    const tickets = (await ticketNos(source.url)).sort();
    expect(tickets.length).toBeGreaterThan(summary.tickets);
    await expect(cliIn(source.env, "restore", target)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("--force") });
    expect((await ticketNos(source.url)).sort()).toEqual(tickets);
    expect(readdirSync(path.join(source.dataDir, "uploads"))).toEqual(["photo-1.jpg"]);

    const { stdout } = await cliIn(source.env, "restore", target, "--force");
    expect(JSON.parse(stdout)).toMatchObject({ tickets: summary.tickets, replacedTickets: tickets.length });
    const restored = await ticketNos(source.url);
    expect(restored.length).toBe(summary.tickets); // the tickets written after the backup are gone
    expect(before.filter((no) => !restored.includes(no))).toEqual([]);

    // A seeded site without tickets (a fresh `npm start`) takes the backup without --force; its
    // seeded users and units are replaced, not doubled.
    const fresh = await postgresSite("fresh", { seeded: true });
    await cliIn(fresh.env, "restore", target);
    expect((await ticketNos(fresh.url)).length).toBe(summary.tickets);
    expect(await query(fresh.url, `SELECT count(*)::int AS n FROM "Unit"`)).toEqual(await query(source.url, `SELECT count(*)::int AS n FROM "Unit"`));
  }, 90_000);

  it("leaves the database as it was when pg_restore fails half-way", async () => {
    // A dump cut short, with a manifest that vouches for it: pg_restore reads the table of
    // contents, then fails in the data, after psql has already dropped the schema.
    const cut = newTarget("cut");
    cpSync(target, cut, { recursive: true });
    const dump = path.join(cut, "app.pgdump");
    truncateSync(dump, Math.floor(statSync(dump).size * 0.7));
    const manifest = JSON.parse(readFileSync(path.join(cut, "manifest.json"), "utf8")) as Manifest;
    manifest.files = await Promise.all(manifest.files.map((file) => (file.path === "app.pgdump" ? describeFile(cut, file.path) : file)));
    writeFileSync(path.join(cut, "manifest.json"), JSON.stringify(manifest));

    const client = createPostgresClient(source.url);
    await client.ticket.create({
      data: { no: "AFTER-BACKUP", channel: "WEB", type: "HELP", categoryCode: "SERVICE", title: "t", content: "c", status: "PENDING", receivedAt: new Date() },
    });
    await client.$disconnect();
    const tickets = (await ticketNos(source.url)).sort();
    await expect(cliIn(source.env, "restore", cut, "--force")).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("pg_restore 失败") });
    expect((await ticketNos(source.url)).sort()).toEqual(tickets);
  }, 90_000);

  it("refuses a SQLite backup on a PostgreSQL site and a PostgreSQL backup on a SQLite site, pointing to migrate-data", async () => {
    const sqliteBackup = newTarget("sqlite-backup");
    await cli("backup", sqliteBackup);
    const tickets = (await ticketNos(source.url)).length;
    const refused = cliIn(source.env, "restore", sqliteBackup, "--force");
    await expect(refused).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/SQLite 站点的备份.*PostgreSQL.*migrate-data/) });
    expect((await ticketNos(source.url)).length).toBe(tickets);

    const inode = statSync(env().databasePath).ino;
    await expect(restoreBackup(currentSite(), target, { force: true })).rejects.toThrow(/PostgreSQL 站点的备份.*SQLite.*migrate-data/);
    expect(statSync(env().databasePath).ino).toBe(inode);
  }, 90_000);
});
