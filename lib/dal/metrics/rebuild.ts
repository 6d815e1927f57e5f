import "server-only";
import { rawSqlite, writeTransaction } from "@/lib/sqlite";
import { rebuildMetricsSql } from "./counter-sql";

/**
 * Recounts MetricDaily from the tickets in one transaction. The triggers keep it exact on their
 * own; this is for a database restored or edited outside the application.
 */
export async function rebuildMetrics(): Promise<{ rows: number; ms: number }> {
  const started = Date.now();
  await writeTransaction((db) => {
    for (const sql of rebuildMetricsSql()) db.prepare(sql).run();
  });
  const { rows } = rawSqlite().prepare(`SELECT COUNT(*) AS rows FROM "MetricDaily"`).get() as { rows: number };
  return { rows, ms: Date.now() - started };
}
