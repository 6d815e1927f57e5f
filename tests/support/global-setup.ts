// Integration tests: one migrated and seeded template database per run; each test file then
// works on its own copy (tests/support/integration-setup.ts), so files never see each other's
// writes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeRunTempRoot } from "./temp-root";

export default async function setup() {
  const removeRunTempRoot = makeRunTempRoot();
  const dir = mkdtempSync(path.join(tmpdir(), "jsjb-vitest-"));
  const template = path.join(dir, "template.db");
  process.env.DATABASE_URL = `file:${template}`;
  process.env.DATA_DIR = dir;
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env },
    stdio: "ignore",
  });
  const { db } = await import("@/lib/db");
  const { seedDatabase } = await import("@/prisma/seed");
  await seedDatabase(db, { demoData: true });
  await db.$disconnect();
  process.env.JSJB_TEMPLATE_DB = template;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    removeRunTempRoot();
  };
}
