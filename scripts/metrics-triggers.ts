// Prints the SQL of the MetricDaily triggers (lib/dal/metrics/counter-sql.ts) for a migration.
// When a counter's definition changes, write a migration that drops the three triggers, creates
// them from this output and recounts (the rebuild statements are printed too), then update
// METRIC_TRIGGERS_MIGRATION in lib/dal/metrics/counter-sql.test.ts.
//   npx tsx scripts/metrics-triggers.ts > prisma/migrations/<timestamp>_<name>/migration.sql
import { metricTriggersSql, rebuildMetricsSql } from "@/lib/dal/metrics/counter-sql";

process.stdout.write(`${metricTriggersSql()}\n-- Count the tickets already there.\n${rebuildMetricsSql().join(";\n")};\n`);
