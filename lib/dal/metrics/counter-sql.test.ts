import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metricTriggersSql } from "./counter-sql";

/** The migration that last created the MetricDaily triggers (see scripts/metrics-triggers.ts). */
const METRIC_TRIGGERS_MIGRATION = "20261124030000_metric_daily";

describe("MetricDaily triggers", () => {
  it("are the ones the counters define: the committed migration was generated from them", () => {
    const migration = readFileSync(path.resolve("prisma/migrations", METRIC_TRIGGERS_MIGRATION, "migration.sql"), "utf8");
    expect(migration).toContain(metricTriggersSql());
  });
});
