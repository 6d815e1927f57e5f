// Which engine the journeys run on (`npm test` runs them on both): SQLite by default,
// E2E_ENGINE=postgresql for a throw-away PostgreSQL (e2e/support/server.ts). Each engine has its
// own data folder and report.
import { readFileSync } from "node:fs";
import path from "node:path";

export const E2E_ENGINE = process.env.E2E_ENGINE === "postgresql" ? "postgresql" : "sqlite";
export const E2E_DATA_DIR = E2E_ENGINE === "postgresql" ? "data/e2e-postgresql" : "data/e2e";

/** The database the journeys' server runs on, as e2e/support/server.ts wrote it. */
export function e2eDatabaseUrl(): string {
  return readFileSync(path.join(E2E_DATA_DIR, "database-url"), "utf8");
}
