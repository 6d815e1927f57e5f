// New rows for several tables, stored together in one statement on either engine: the intake's
// ticket, its events, photos and notice. On PostgreSQL every insert but the last becomes a
// data-modifying CTE of the last one (`WITH t0 AS (INSERT …), t1 AS (INSERT …) INSERT …`): one
// round trip, committed by itself, instead of BEGIN + one insert per table + COMMIT. Foreign keys
// between the tables hold: PostgreSQL checks them at the end of the statement. SQLite has no
// data-modifying CTEs; there the inserts run one after another in one group-committed step
// (lib/sql/write.ts), which costs no round trips.
import type { Insertable, QueryCreator } from "kysely";
import { env } from "@/lib/env";
import type { DB } from "@/lib/generated/kysely/types";
import type { Sql } from "@/lib/sql";
import { write, writeStatement, type WriteTx } from "@/lib/sql/write";

/** The rows of one table. */
export type TableRows = { [T in keyof DB]: { into: T; values: Insertable<DB[T]>[] } }[keyof DB];

/** Stores every table's rows atomically, in the order given (a row's foreign keys point at earlier tables). */
export async function writeRows(tables: TableRows[]): Promise<void> {
  const inserts = tables.filter((table) => table.values.length > 0);
  if (!inserts.length) return;
  if (env().databaseEngine === "postgresql") {
    await writeStatement((db) => asOneStatement(db, inserts));
    return;
  }
  await write((tx) => insertRows(tx, inserts));
}

/** The same rows inside a write step that checks something first (lib/dal/follow-ups.ts). */
export async function insertRows(tx: WriteTx, tables: TableRows[]): Promise<void> {
  for (const { into, values } of tables) {
    if (values.length) await tx.insertInto(into).values(values as never).execute();
  }
}

function asOneStatement(db: Sql, inserts: TableRows[]) {
  const last = inserts.at(-1)!;
  // Each CTE widens the builder's type by its name; the statement only needs the insert at the end.
  const creator = inserts
    .slice(0, -1)
    .reduce<QueryCreator<DB>>(
      (query, { into, values }, i) => query.with(`rows${i}`, (cte) => cte.insertInto(into).values(values as never)) as unknown as QueryCreator<DB>,
      db,
    );
  return creator.insertInto(last.into).values(last.values as never);
}
