// The journeys' web server (playwright.config.ts): `npm start`'s own script on a fresh database.
// E2E_ENGINE=postgresql first starts a throw-away PostgreSQL 15 (tests/support/postgres.ts) and
// writes its URL where the journeys' helpers find it (e2e/support/database.ts); the server is
// stopped, then the database, when Playwright ends the run (SIGTERM) or the app exits.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startPostgres } from "../../tests/support/postgres";
import { E2E_DATA_DIR, E2E_ENGINE } from "./engine";

async function main() {
  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  mkdirSync(E2E_DATA_DIR, { recursive: true });
  const postgres = E2E_ENGINE === "postgresql" ? await startPostgres() : null;
  const databaseUrl = postgres ? await postgres.createDatabase("jsjb_e2e") : `file:${path.resolve(E2E_DATA_DIR, "app.db")}`;
  writeFileSync(path.join(E2E_DATA_DIR, "database-url"), databaseUrl);

  const app = spawn(process.execPath, ["node_modules/.bin/tsx", "scripts/start.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: databaseUrl },
  });
  const stopDatabase = () => postgres?.stop();
  process.on("exit", stopDatabase);
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => app.kill(signal));
  app.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  process.stderr.write(`[e2e] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
