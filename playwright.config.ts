import { defineConfig, devices } from "@playwright/test";
import { E2E_DATA_DIR, E2E_ENGINE } from "./e2e/support/engine";

// Journeys run against a production build served by the same start script as `npm start`, on
// its own port and a fresh database (deleted before every run) on the engine E2E_ENGINE names:
// SQLite under data/e2e, or a throw-away PostgreSQL (e2e/support/server.ts).
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the closing "N passed, N failed" line of npm test.
  reporter: [["list"], ["json", { outputFile: `test-reports/e2e-${E2E_ENGINE}.json` }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node_modules/.bin/tsx e2e/support/server.ts",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    // SIGTERM, so that the server script stops the app and then its PostgreSQL.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR: E2E_DATA_DIR,
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      // Journeys submit and track many tickets from one address; the per-phone limit stays.
      SUBMIT_LIMIT_PER_IP_HOUR: "10000",
      SUBMIT_ANONYMOUS_LIMIT_PER_IP_HOUR: "10000",
      TRACK_LIMIT_PER_IP_HOUR: "10000",
      TRACK_FAILED_LIMIT_PER_IP_HOUR: "10000",
      // Journeys run at any hour; a nightly training would only compete for the CPU.
      NIGHTLY_TRAINING: "0",
    },
  },
});
