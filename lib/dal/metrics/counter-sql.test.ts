import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metricTriggersSql, rebuildMetricsSql, type Dialect } from "./counter-sql";

/** Per engine, the migration that last created the metric triggers (see scripts/metrics-triggers.ts). */
const METRIC_TRIGGERS_MIGRATIONS: Record<Dialect, string> = {
  sqlite: "prisma/migrations/20261124030000_metric_daily",
  postgresql: "prisma/postgresql/migrations/20261130140000_deferred_metric_triggers",
};

const migration = (dialect: Dialect) => readFileSync(path.resolve(METRIC_TRIGGERS_MIGRATIONS[dialect], "migration.sql"), "utf8");

describe("metric triggers", () => {
  it.each(["sqlite", "postgresql"] as const)("on %s are the ones the counters define: the committed migration was generated from them", (dialect) => {
    expect(migration(dialect)).toContain(metricTriggersSql(dialect));
  });

  it("on PostgreSQL come with the recount of the tickets already there", () => {
    expect(migration("postgresql")).toContain(`${rebuildMetricsSql("postgresql").join(";\n")};\n`);
  });

  it("print SQLite's SQL unless PostgreSQL is asked for", () => {
    expect(metricTriggersSql()).toBe(metricTriggersSql("sqlite"));
    expect(rebuildMetricsSql()).toEqual(rebuildMetricsSql("sqlite"));
    expect(metricTriggersSql("postgresql")).not.toContain(`strftime`);
  });
});
