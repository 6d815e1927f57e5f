// Issue 10 item 5: `migrate-data` moves the seeded SQLite site (the demo history: ~24,000 tickets,
// ~260,000 rows) to PostgreSQL and proves it — row counts of every model and the §6 figures of
// every unit and year. Runs in the SQLite project, with its own throw-away PostgreSQL server.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query, startPostgres, type Postgres } from "../support/postgres";
import { db } from "@/lib/db";
import { createPostgresClient } from "@/lib/db-postgres";
import { formatPercent } from "@/lib/domain/metrics";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { migratePostgres } from "@/lib/migrations/postgres";
import { migrateData } from "@/lib/migrate-data/migrate";
import { copyPlan, REBUILT_TABLES } from "@/lib/migrate-data/plan";
import { describeSource, openSource } from "@/lib/migrate-data/source";
import { openTarget } from "@/lib/migrate-data/target";
import { verifyCopy } from "@/lib/migrate-data/verify";
import { seedDatabase } from "@/prisma/seed";

const MODELS = Object.values(Prisma.ModelName);

/**
 * `npm run cli -- …` as an operator runs it. Moving the demo site takes 15–20 s on this machine,
 * several times that when the machine is busy: a longer leash than the backup tests' helper.
 */
const cli = (...args: string[]) =>
  promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "cli/index.ts", ...args], { env: process.env, timeout: 150_000 });

/** A photo of the site being moved: its bytes are a row like any other (AttachmentContent). */
const PHOTO = { id: "migrated-photo", bytes: Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256)) };

let server: Postgres;
let target: string;
beforeAll(async () => {
  server = await startPostgres();
  target = await server.createDatabase("moved");
  const { id: ticketId } = await db.ticket.findFirstOrThrow({ select: { id: true } });
  await db.attachment.create({
    data: { id: PHOTO.id, ticketId, storedName: "migrated-photo.jpg", mimeType: "image/jpeg", size: PHOTO.bytes.length, content: { create: { bytes: PHOTO.bytes } } },
  });
}, 30_000);
const copies: string[] = [];
afterAll(async () => {
  await db.$disconnect();
  server?.stop();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

const sourceUrl = () => env().databaseUrl;

function sqliteCounts(file: string): Record<string, number> {
  const sqlite = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(MODELS.map((model) => [model, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${model}"`).get() as { n: number }).n]));
  } finally {
    sqlite.close();
  }
}

async function postgresCounts(url: string): Promise<Record<string, number>> {
  const entries = await Promise.all(MODELS.map(async (model) => [model, Number((await query<{ n: string }>(url, `SELECT COUNT(*) AS n FROM "${model}"`))[0]!.n)] as const));
  return Object.fromEntries(entries);
}

/** The tables of the current schema on a PostgreSQL database (none before it is migrated). */
const tablesOf = async (url: string) =>
  (await query<{ name: string }>(url, `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)).map((row) => row.name);

/** A copy of this file's SQLite site, to change without touching the one the copy reads. */
function sourceCopy(name: string): { url: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), `jsjb-migrate-${name}-`));
  copies.push(dir);
  const file = path.join(dir, "app.db");
  copyFileSync(env().databasePath, file);
  return { url: `file:${file}`, file };
}

describe("migrate-data", () => {
  let stdout: string;

  it("copies the demo site through the CLI: every model's rows, and the same figures for every unit and year", async () => {
    const run = await cli("migrate-data", "--from", sourceUrl(), "--to", target);
    stdout = run.stdout;
    expect(stdout).toContain("核对通过");
    expect(run.stderr).toContain("迁移完成");

    const before = sqliteCounts(env().databasePath);
    expect(before.Ticket).toBeGreaterThan(20_000);
    expect(await postgresCounts(target)).toEqual(before); // every model, the counters included
    // The demo's ZQ1 2022: 1476 tickets, 满意率 93.03 %, on both sides.
    expect(stdout).toMatch(/ZQ1\s+2022\s+源库\s+1476\s+.*93\.03%/);
    expect(stdout).toMatch(/\n\s+目标库\s+1476\s+.*93\.03%.*一致/);
    expect(stdout).toContain("照片：已复制 1 张照片（图片内容存于数据库");
    const [photo] = await query<{ attachmentId: string; bytes: Buffer }>(target, `SELECT "attachmentId", "bytes" FROM "AttachmentContent"`);
    expect(photo!.attachmentId).toBe(PHOTO.id);
    expect(photo!.bytes.equals(PHOTO.bytes)).toBe(true);
  }, 180_000);

  it("copies every model of the schema but the counters, which the target recounts", async () => {
    const source = openSource(sourceUrl());
    try {
      const copied = copyPlan(await describeSource(source.db)).map((table) => table.name);
      expect([...copied, ...REBUILT_TABLES].sort()).toEqual([...MODELS].sort());
    } finally {
      await source.close();
    }
  });

  it("leaves the rows as the application reads them: dates, booleans, numbers and enums through either Prisma client", async () => {
    const moved = createPostgresClient(target);
    try {
      const sample = { where: { resolved: true }, orderBy: { no: "asc" }, take: 50, include: { evaluations: { orderBy: { id: "asc" } }, events: { orderBy: { id: "asc" } } } } as const;
      const copied = await moved.ticket.findMany(sample);
      expect(copied).toHaveLength(50);
      expect(copied).toEqual(await db.ticket.findMany(sample));
      const units = await db.unit.findMany({ orderBy: { code: "asc" } });
      expect(await moved.unit.findMany({ orderBy: { code: "asc" } })).toEqual(units);
      expect(units.some((unit) => unit.parentId)).toBe(true); // the self-reference came across
      expect(await moved.user.findMany({ orderBy: { username: "asc" }, omit: { passwordHash: false } })).toEqual(
        await db.user.findMany({ orderBy: { username: "asc" }, omit: { passwordHash: false } }),
      );
    } finally {
      await moved.$disconnect();
    }
  });

  it("finds ZQ1 2022 at 1476 tickets and 93.03 % 满意率 in the target's counter table and in its recount", async () => {
    const source = openSource(sourceUrl());
    const moved = openTarget(target);
    try {
      const verification = await verifyCopy({ db: source.db, dialect: "sqlite" }, { db: moved.db, dialect: "postgresql" }, MODELS);
      expect(verification.problems).toEqual([]);
      const zq1 = verification.figures.find((row) => row.unit === "ZQ1" && row.year === "2022")!;
      for (const reading of [zq1.target.aggregates!, zq1.target.recount!]) {
        expect(reading.received).toBe(1476);
        expect(formatPercent(reading.satisfactionRate)).toBe("93.03%");
      }
      expect(new Set(verification.figures.map((row) => row.year)).size).toBeGreaterThan(1);
    } finally {
      await Promise.all([source.close(), moved.close()]);
    }
  });

  it("reports a target that no longer matches: a counter, a ticket, a missing row", async () => {
    const source = openSource(sourceUrl());
    const moved = openTarget(target);
    const check = () => verifyCopy({ db: source.db, dialect: "sqlite" }, { db: moved.db, dialect: "postgresql" }, MODELS);
    try {
      const zq1 = (await query<{ id: string }>(target, `SELECT "id" FROM "Unit" WHERE "code" = 'ZQ1'`))[0]!.id;
      // A counter changed behind the triggers' back: the counter table disagrees, the recount does not.
      const counter = `ctid = (SELECT ctid FROM "MetricMonthly" WHERE "unitId" = '${zq1}' AND "month" = 202203 AND "satisfied" > 0 LIMIT 1)`;
      await query(target, `UPDATE "MetricMonthly" SET "satisfied" = "satisfied" - 1 WHERE ${counter}`);
      let problems = (await check()).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^ZQ1 2022 年：目标库统计汇总表与源库不一致：满意率 93\.03%（1335\/1435）≠92\.96%（1334\/1435）/);
      await query(target, `UPDATE "MetricMonthly" SET "satisfied" = "satisfied" + 1 WHERE ${counter}`);

      // A ticket changed (its trigger moves the counters along): both readings of the target differ.
      const ticket = (await query<{ id: string }>(target, `SELECT "id" FROM "Ticket" WHERE "ownerUnitId" = '${zq1}' AND "satisfaction" = 'SATISFIED' AND "receivedAt" < '2023-01-01' LIMIT 1`))[0]!;
      await query(target, `UPDATE "Ticket" SET "satisfaction" = 'UNSATISFIED' WHERE "id" = '${ticket.id}'`);
      await query(target, `DELETE FROM "TicketEvent" WHERE "id" IN (SELECT "id" FROM "TicketEvent" LIMIT 1)`);
      problems = (await check()).problems;
      expect(problems).toEqual([
        expect.stringMatching(/^表 TicketEvent 行数不一致：源库 \d+，目标库 \d+$/),
        expect.stringMatching(/^ZQ1 2022 年：目标库统计汇总表与源库不一致：满意率 93\.03%/),
        expect.stringMatching(/^ZQ1 2022 年：目标库按工单重算与源库不一致：满意率 93\.03%/),
      ]);
    } finally {
      await Promise.all([source.close(), moved.close()]);
    }
  });

  it("refuses a target that holds any row, and writes nothing to it", async () => {
    // A database a PostgreSQL site already started on: migrated and seeded, no tickets.
    const started = await server.createDatabase("started");
    await migratePostgres(started);
    const client = createPostgresClient(started);
    await seedDatabase(client, { demoData: false });
    await client.$disconnect();
    const before = await postgresCounts(started);

    await expect(migrateData({ from: sourceUrl(), to: started })).rejects.toThrow(/^目标库不是空库：表 .*Unit.* 中已有数据/);
    expect(await postgresCounts(started)).toEqual(before);

    const run = cli("migrate-data", "--from", sourceUrl(), "--to", started);
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("目标库不是空库") });
  }, 60_000);

  it("refuses a source on another schema version, or with rows referencing nothing, before touching the target", async () => {
    const old = sourceCopy("old");
    const sqlite = new Database(old.file);
    sqlite.prepare(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = (SELECT MAX("migration_name") FROM "_prisma_migrations")`).run();
    sqlite.close();
    const empty = await server.createDatabase("untouched");
    await expect(migrateData({ from: old.url, to: empty })).rejects.toThrow(/^源数据库缺少迁移 \d+_\w+：请先用本版本启动一次原站点/);

    const dangling = sourceCopy("dangling");
    const orphan = new Database(dangling.file);
    orphan.pragma("foreign_keys = OFF"); // as in the sqlite3 shell, where SQLite checks no foreign key by default
    orphan.prepare(`INSERT INTO "TicketEvent" ("id", "ticketId", "type", "visibility", "createdAt") VALUES ('orphan', 'no-such-ticket', 'NOTE', 'INTERNAL', 0)`).run();
    orphan.close();
    await expect(migrateData({ from: dangling.url, to: empty })).rejects.toThrow("源数据库有引用不存在记录的行（TicketEvent 1 行）");

    // A photo an older version stored as a file the source has not moved in yet.
    const unmoved = sourceCopy("unmoved");
    const legacy = new Database(unmoved.file);
    legacy
      .prepare(`INSERT INTO "Attachment" ("id", "ticketId", "storedName", "mimeType", "size", "createdAt") SELECT 'on-disk', "id", 'on-disk.jpg', 'image/jpeg', 1, 0 FROM "Ticket" LIMIT 1`)
      .run();
    legacy.close();
    await expect(migrateData({ from: unmoved.url, to: empty })).rejects.toThrow(
      /^源站点有 1 张照片仍是 DATA_DIR\/uploads 下的文件，尚未存入数据库.*请先用本版本启动一次原站点/,
    );
    expect(await tablesOf(empty)).toEqual([]);
  });

  it("rolls the whole copy back when the check fails: the target keeps no row", async () => {
    // A small site whose counter table disagrees with its tickets (edited outside the application).
    const broken = sourceCopy("broken");
    const sqlite = new Database(broken.file);
    sqlite.exec(`DELETE FROM "TicketEvent"; DELETE FROM "Evaluation"; DELETE FROM "ReturnRequest"; DELETE FROM "Attachment"; DELETE FROM "Ticket";
      UPDATE "MetricMonthly" SET "received" = "received" + 1 WHERE "month" = (SELECT MIN("month") FROM "MetricMonthly");`);
    sqlite.close();
    const empty = await server.createDatabase("rolled_back");
    const run = cli("migrate-data", "--from", broken.url, "--to", empty);
    const failure = (await run.catch((error: unknown) => error)) as { code: number; stdout: string; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/核对未通过（\d+ 处），已回滚，目标库未写入任何数据/);
    expect(failure.stdout).toMatch(/  - 表 MetricMonthly 行数不一致：源库 \d+，目标库 0\n/);
    expect(failure.stdout).toMatch(/  - .* 年：源库统计汇总表与源库按工单重算不一致/);
    expect(failure.stdout).not.toContain("MetricDaily 行数不一致"); // rows the triggers left at zero are no rows
    expect(Object.values(await postgresCounts(empty)).every((n) => n === 0)).toBe(true); // migrated, but not a row
  }, 120_000);
});
