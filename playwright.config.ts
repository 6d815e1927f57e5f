import { defineConfig, devices } from "@playwright/test";

// Journeys run against a production build served by the same start script as `npm start`,
// on its own port and a fresh database under data/e2e (deleted before every run).
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = "data/e2e";

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the closing "N passed, N failed" line of npm test.
  reporter: [["list"], ["json", { outputFile: "test-reports/e2e.json" }]],
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
    command: `rm -rf ${E2E_DATA_DIR} && node_modules/.bin/tsx scripts/start.ts`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
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
    },
  },
});
