// Prints the SQL of the metric triggers (lib/dal/metrics/counter-sql.ts) for a migration, for
// SQLite (the default) or PostgreSQL. When a counter's definition changes, write a migration per
// engine that drops the three triggers (on PostgreSQL also their functions), creates them from
// this output and recounts (the rebuild statements are printed too), then update the migration
// names in lib/dal/metrics/counter-sql.test.ts.
//   npx tsx scripts/metrics-triggers.ts > prisma/migrations/<timestamp>_<name>/migration.sql
//   npx tsx scripts/metrics-triggers.ts postgresql > prisma/postgresql/migrations/<timestamp>_<name>/migration.sql
import { DIALECTS, metricTriggersSql, rebuildMetricsSql, type Dialect } from "@/lib/dal/metrics/counter-sql";

const dialect = (process.argv[2] ?? "sqlite") as Dialect;
if (!DIALECTS.includes(dialect)) {
  process.stderr.write(`usage: npx tsx scripts/metrics-triggers.ts [${DIALECTS.join(" | ")}]\n`);
  process.exit(2);
}
process.stdout.write(`${metricTriggersSql(dialect)}\n-- Count the tickets already there.\n${rebuildMetricsSql(dialect).join(";\n")};\n`);
