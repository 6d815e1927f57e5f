// Runs before each test file: gives the file its own copy of the seeded template database.
import { copyFileSync, mkdtempSync } from "node:fs";
import path from "node:path";

// No nightly classifier training in a test's scheduler, whatever the hour the tests run at.
process.env.NIGHTLY_TRAINING = "0";
const template = process.env.JSJB_TEMPLATE_DB;
if (template) {
  const dir = mkdtempSync(path.join(path.dirname(template), "file-"));
  copyFileSync(template, path.join(dir, "app.db"));
  process.env.DATA_DIR = dir;
  process.env.DATABASE_URL = `file:${path.join(dir, "app.db")}`;
}
