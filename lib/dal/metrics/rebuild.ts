import "server-only";
import { sql as kyselySql } from "kysely";
import { env } from "@/lib/env";
import { sql } from "@/lib/sql";
import { writeTransaction } from "@/lib/sqlite";
import { rebuildMetricsSql } from "./counter-sql";

/** Runs the recount in one transaction: SQLite's write transaction, or one PostgreSQL transaction. */
async function recount(): Promise<void> {
  if (env().databaseEngine === "sqlite") {
    await writeTransaction((db) => {
      for (const statement of rebuildMetricsSql()) db.prepare(statement).run();
    });
    return;
  }
  // Generated statements with no parameters: Kysely only carries them to the connection.
  await sql()
    .transaction()
    .execute(async (trx) => {
      for (const statement of rebuildMetricsSql("postgresql")) await kyselySql.raw(statement).execute(trx);
    });
}

/**
 * Recounts MetricDaily and MetricMonthly from the tickets in one transaction. The triggers keep
 * them exact on their own; this is for a database restored or edited outside the application.
 */
export async function rebuildMetrics(): Promise<{ rows: number; ms: number }> {
  const started = Date.now();
  await recount();
  const { rows } = await sql()
    .selectFrom("MetricDaily")
    .select((eb) => eb.fn.countAll<number | string | bigint>().as("rows"))
    .executeTakeFirstOrThrow();
  return { rows: Number(rows), ms: Date.now() - started };
}
