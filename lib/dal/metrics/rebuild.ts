import "server-only";
import { sql as kyselySql } from "kysely";
import { env } from "@/lib/env";
import { sql } from "@/lib/sql";
import { write } from "@/lib/sql/write";
import { rebuildMetricsSql } from "./counter-sql";

/**
 * The recount in one write transaction on either engine (alone: no savepoint, whose statement
 * journal would slow the big INSERT … SELECTs down). The statements are generated SQL with no
 * parameters: Kysely only carries them to the connection.
 */
async function recount(): Promise<void> {
  const statements = rebuildMetricsSql(env().databaseEngine);
  await write(
    async (tx) => {
      for (const statement of statements) await kyselySql.raw(statement).execute(tx);
    },
    { alone: true },
  );
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
