import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Integration tests that already run on PostgreSQL too (issue 10, docs/postgresql.md). A file
 * joins this list once everything it touches works on both engines; when all have, the list goes.
 */
const ON_BOTH_ENGINES = [
  "tests/integration/api-tokens.int.test.ts",
  "tests/integration/metrics-triggers.int.test.ts",
  "tests/integration/rest-tickets.int.test.ts",
  "tests/integration/import.int.test.ts",
  "tests/integration/workflow.int.test.ts",
  "tests/integration/ticket-actions-view.int.test.ts",
  "tests/integration/console.int.test.ts",
  "tests/integration/evaluations.int.test.ts",
  "tests/integration/citizen-view.int.test.ts",
  "tests/integration/outbox.int.test.ts",
  "tests/integration/overdue.int.test.ts",
  "tests/integration/evaluation-races.int.test.ts",
  "tests/integration/log-redaction.int.test.ts",
  "tests/integration/metrics.int.test.ts",
  "tests/integration/metrics-recount.int.test.ts",
  "tests/integration/metrics-engines.int.test.ts",
  "tests/integration/health.int.test.ts",
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
          include: ON_BOTH_ENGINES,
          globalSetup: ["tests/support/postgres-global-setup.ts"],
          setupFiles: ["tests/support/postgres-setup.ts"],
        },
      },
    ],
  },
});
