import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Integration tests of one engine's own machinery, run once (in the "sqlite" project): SQLite's
 * locks, WAL, files and backups, and the PostgreSQL tests that start a server of their own
 * (moving a site copies the SQLite template to one).
 */
const ENGINE_SPECIFIC = [
  "tests/integration/backup.int.test.ts",
  "tests/integration/disk-full.int.test.ts",
  "tests/integration/storage-faults.int.test.ts",
  "tests/integration/wal-checkpointer.int.test.ts",
  "tests/integration/backup-postgres.int.test.ts",
  "tests/integration/postgres-foundation.int.test.ts",
  "tests/integration/postgres-pool.int.test.ts",
  "tests/integration/storage-faults-postgres.int.test.ts",
  "tests/integration/migrate-data.int.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Outside Next's react-server build the real package throws; the DAL is server code anyway.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "prisma/**/*.test.ts", "cli/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgresql",
          // Every other integration test, on a PostgreSQL database seeded like the SQLite one.
          include: ["tests/integration/**/*.int.test.ts"],
          exclude: ENGINE_SPECIFIC,
          // As a site in China runs: TIMESTAMP columns must still hold UTC (lib/sql/postgres.ts).
          env: { TZ: "Asia/Shanghai" },
          globalSetup: ["tests/support/postgres-global-setup.ts"],
          setupFiles: ["tests/support/postgres-setup.ts"],
        },
      },
    ],
  },
});
