// Runs before each test file of the PostgreSQL project: its own database, cloned from the
// seeded template (CREATE DATABASE … TEMPLATE copies it in milliseconds), and its own data folder.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TEMPLATE_DB } from "./postgres-global-setup";
import { query } from "./postgres";

const server = process.env.JSJB_PG_SERVER_URL;
if (!server) throw new Error("the PostgreSQL project needs tests/support/postgres-global-setup.ts");
const name = `file_${randomUUID().replaceAll("-", "")}`;
await query(server, `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
process.env.DATABASE_URL = server.replace(/\/postgres$/, `/${name}`);
process.env.NIGHTLY_TRAINING = "0"; // whatever the hour the tests run at
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "jsjb-pg-file-"));
