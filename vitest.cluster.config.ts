import { defineConfig } from "vitest/config";

// `npm run test:cluster` (tests/cluster/): two app nodes, nginx and PostgreSQL on loopback, on the
// existing production build (tests/cluster/global-setup.ts builds one if there is none).
// Its own config: the cases share one cluster and run in order, and take a minute or two.
export default defineConfig({
  test: {
    environment: "node",
    include: ["tests/cluster/**/*.cluster.ts"],
    globalSetup: ["tests/cluster/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
