// Write transactions on either engine (docs/postgresql.md): `write(step)` runs `step` atomically
// and resolves once it is committed; a storage fault rejects with `Unavailable` (503), a lock held
// past DB_LOCK_WAIT_MS too. A step does database work only — it must not wait on anything else
// (the network, a file) while it holds the transaction.
//
// SQLite has one writer at a time, so steps that arrive in the same turn of the event loop share
// one BEGIN IMMEDIATE … COMMIT (group commit: the pages they touch are written and synced once),
// each inside its own SAVEPOINT, so a step that throws rolls back and rejects alone. Steps run one
// after another in arrival order: a version check sees every earlier step of the batch. The lock
// is waited for asynchronously, never inside SQLite. `alone` runs a large step (an import) in a
// transaction of its own without a savepoint (statement journals made a 20,000-row import 20
// times slower inside one).
//
// PostgreSQL runs each step in its own transaction (READ COMMITTED; the version check is an
// `UPDATE … WHERE "version" = $n`, row locks do the rest), retried whole on a serialization
// failure or deadlock. `writeStatement` sends a statement that is atomic by itself without
// BEGIN/COMMIT: on PostgreSQL every round trip costs the app node CPU (bench:intake measured it
// as the intake's largest cost there), on SQLite it is group-committed like any step.
import type { Compilable, Transaction } from "kysely";
import { env } from "@/lib/env";
import type { DB } from "@/lib/generated/kysely/types";
import { writer, type Sql } from "@/lib/sql";
import { walBackPressure } from "@/lib/sqlite";
import { refuseWritesIfCheckpointFailing, storageRecovered, storageUnavailable } from "@/lib/storage/health";
import { retryWhileBusy } from "@/lib/storage/retry";

export type WriteTx = Transaction<DB>;
type Step<T> = (tx: WriteTx) => Promise<T>;

export function write<T>(step: Step<T>, options: { alone?: boolean } = {}): Promise<T> {
  return env().databaseEngine === "postgresql" ? writePostgres(step) : enqueue(step, options.alone ?? false);
}

/**
 * One statement, atomic by itself (an upsert, rows of several tables: lib/sql/rows.ts), committed
 * when it resolves; its rows. `build` makes it on the query builder it is given.
 */
export function writeStatement<R>(build: (db: Sql) => Compilable<R>): Promise<R[]> {
  if (env().databaseEngine === "postgresql") {
    return onPostgres(async () => (await writer().executeQuery(build(writer()))).rows);
  }
  return enqueue(async (tx) => (await tx.executeQuery(build(tx))).rows, false);
}

// ─── PostgreSQL ─────────────────────────────────────────────────────────────

function writePostgres<T>(step: Step<T>): Promise<T> {
  return onPostgres(() => writer().transaction().execute(step));
}

async function onPostgres<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    const result = await retryWhileBusy(attempt);
    storageRecovered("write");
    return result;
  } catch (error) {
    throw storageUnavailable(error) ?? error;
  }
}

// ─── SQLite: group commit ───────────────────────────────────────────────────

type Job = { step: Step<unknown>; alone: boolean; resolve: (value: unknown) => void; reject: (error: unknown) => void };
let queue: Job[] = [];
let flushScheduled = false;
let flushing: Promise<void> = Promise.resolve();

function enqueue<T>(step: Step<T>, alone: boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ step, alone, resolve: resolve as (value: unknown) => void, reject });
    if (!flushScheduled) {
      flushScheduled = true;
      // Batches commit in order: the next one starts after the previous has settled.
      setImmediate(() => void (flushing = flushing.then(flush, flush)));
    }
  });
}

async function flush(): Promise<void> {
  const jobs = queue;
  queue = [];
  flushScheduled = false;
  let group: Job[] = [];
  for (const job of jobs) {
    if (!job.alone) {
      group.push(job);
      continue;
    }
    if (group.length) await commit(group, true);
    group = [];
    await commit([job], false);
  }
  if (group.length) await commit(group, true);
}

/** BEGIN IMMEDIATE, waiting for another writer's lock asynchronously; null after rejecting the jobs. */
async function begin(jobs: Job[]) {
  await walBackPressure();
  try {
    return await retryWhileBusy(() => {
      refuseWritesIfCheckpointFailing();
      return writer().startTransaction().execute();
    });
  } catch (error) {
    const failure = storageUnavailable(error) ?? error;
    for (const job of jobs) job.reject(failure);
    return null;
  }
}

async function commit(jobs: Job[], savepoints: boolean): Promise<void> {
  const trx = await begin(jobs);
  if (!trx) return;
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    for (const job of jobs) {
      if (!savepoints) {
        outcomes.push({ ok: true, value: await job.step(trx) }); // a throw rolls the whole transaction back
        continue;
      }
      const inStep = await trx.savepoint("step").execute();
      try {
        const value = await job.step(inStep);
        await inStep.releaseSavepoint("step").execute();
        outcomes.push({ ok: true, value });
      } catch (error) {
        await inStep.rollbackToSavepoint("step").execute();
        await inStep.releaseSavepoint("step").execute();
        outcomes.push({ ok: false, error });
      }
    }
    await trx.commit().execute();
    storageRecovered("write");
  } catch (error) {
    await trx.rollback().execute().catch(() => {});
    const failure = storageUnavailable(error) ?? error;
    for (const job of jobs) job.reject(failure);
    return;
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(storageUnavailable(outcome.error) ?? outcome.error);
  });
}
