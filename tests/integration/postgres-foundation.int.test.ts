// Issue 10, first step: the PostgreSQL schema is migrated by the app's runner (once, under a lock,
// refusing edited or unknown migrations), matches what the Prisma schema describes, and takes
// the seed through the PostgreSQL Prisma client.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db as sqliteDb } from "@/lib/db";
import { createPostgresClient } from "@/lib/db-postgres";
import { MIGRATIONS_DIRS, readMigrations } from "@/lib/migrations/files";
import { migratePostgres } from "@/lib/migrations/postgres";
import { seedDatabase } from "@/prisma/seed";
import { query, startPostgres, type Postgres } from "../support/postgres";

let server: Postgres;
beforeAll(async () => {
  server = await startPostgres();
}, 30_000);
afterAll(() => server?.stop());

/** A new empty database on the test server. */
const database = (name: string) => server.createDatabase(name);

/** Columns and indexes as PostgreSQL describes them, for comparing two databases. */
async function shape(url: string): Promise<string[]> {
  const columns = await query<{ line: string }>(
    url,
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_jsjb_migrations'`,
  );
  const indexes = await query<{ line: string }>(url, `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_jsjb_migrations'`);
  return [...columns, ...indexes].map((row) => row.line).sort();
}

describe("PostgreSQL migrations", () => {
  it("apply once, also when two nodes start at once", async () => {
    const url = await database("twice");
    const [first, second] = await Promise.all([migratePostgres(url), migratePostgres(url)]);
    const all = readMigrations(MIGRATIONS_DIRS.postgresql).map((migration) => migration.name);
    expect([...first, ...second]).toEqual(all);
    expect(await migratePostgres(url)).toEqual([]);
    expect(await query(url, `SELECT "name" FROM "_jsjb_migrations" ORDER BY "name"`)).toEqual(all.map((name) => ({ name })));
  });

  it("are applied by `npm run cli -- migrate` as by npm start, and a second run finds nothing to do", async () => {
    const url = await database("cli");
    const dataDir = mkdtempSync(path.join(tmpdir(), "jsjb-cli-migrate-"));
    try {
      const migrate = () =>
        execFileSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "cli/index.ts", "migrate"], {
          env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir },
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
      migrate();
      const all = readMigrations(MIGRATIONS_DIRS.postgresql).map((migration) => migration.name);
      expect(await query(url, `SELECT "name" FROM "_jsjb_migrations" ORDER BY "name"`)).toEqual(all.map((name) => ({ name })));
      migrate();
      expect(await query(url, `SELECT count(*)::int AS n FROM "Unit"`)).toEqual([{ n: 0 }]); // migrated, not seeded
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("build the schema prisma/postgresql/schema.prisma describes", async () => {
    const migrated = await database("migrated");
    await migratePostgres(migrated);
    const described = await database("described");
    const sql = execFileSync("node_modules/.bin/prisma", ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/postgresql/schema.prisma", "--script"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    await query(described, sql);
    // Prisma 6 cannot describe a partial index: the migrations make these partial
    // (20261203120000_page_indexes, 20261205120000_handler_queue_index; prisma/schema.prisma notes
    // it). Otherwise the shapes are equal.
    const partial = {
      Ticket_citizenUserId_receivedAt_idx: "citizenUserId",
      Ticket_mergedIntoId_idx: "mergedIntoId",
      Ticket_apiClientId_idx: "apiClientId",
      Ticket_handler_queue_idx: "handlerId",
    };
    const migratedShape = await shape(migrated);
    for (const [name, column] of Object.entries(partial)) {
      expect(migratedShape.find((line) => line.includes(`"${name}"`))).toMatch(new RegExp(`WHERE \\("${column}" IS NOT NULL\\)$`));
    }
    const withoutWhere = (lines: string[]) => lines.map((line) => line.replace(/ WHERE \(.*\)$/, ""));
    expect(withoutWhere(migratedShape)).toEqual(withoutWhere(await shape(described)));
  });

  it("refuse a migration edited after it was applied, and a database newer than the code", async () => {
    const url = await database("edited");
    const dir = mkdtempSync(path.join(tmpdir(), "jsjb-migrations-"));
    try {
      cpSync(MIGRATIONS_DIRS.postgresql, dir, { recursive: true });
      await migratePostgres(url, { dir });
      writeFileSync(path.join(dir, "20261130100000_init", "migration.sql"), "-- edited\n");
      await expect(migratePostgres(url, { dir })).rejects.toThrow(/应用后被修改过/);
      await query(url, `INSERT INTO "_jsjb_migrations" ("name", "checksum") VALUES ('29991231000000_future', 'x')`);
      await expect(migratePostgres(url)).rejects.toThrow(/本版本没有的迁移/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the PostgreSQL Prisma client", () => {
  it("seeds the organisation, rules, calendar and users exactly as on SQLite", async () => {
    const url = await database("seeded");
    await migratePostgres(url);
    const postgres = createPostgresClient(url);
    try {
      await seedDatabase(postgres, { demoData: false });
      const counts = async (client: typeof sqliteDb) => ({
        units: await client.unit.count(),
        users: await client.user.count(),
        categories: await client.category.count(),
        rules: await client.routingRule.count(),
        calendar: await client.calendarDay.count(),
        policies: await client.timeLimitPolicy.count(),
      });
      expect(await counts(postgres)).toEqual(await counts(sqliteDb));
      const dispatcher = await postgres.user.findUniqueOrThrow({ where: { username: "dispatcher" }, include: { unit: true } });
      expect(dispatcher).toMatchObject({ role: "DISPATCHER", unit: { code: "ZHZX" } });
      expect(dispatcher).not.toHaveProperty("passwordHash");
    } finally {
      await postgres.$disconnect();
    }
  });
});
