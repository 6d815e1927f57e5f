// The bulk loads of bench:metrics (bench/metrics.ts): the same generated tickets
// (bench/metrics-tickets.ts) into a freshly prepared database (migrations + organisation), by
// the fastest plain path each engine offers. Both drop the aggregate triggers for the load and
// recreate them from metricTriggersSql(), recount the aggregates with rebuildMetricsSql(), drop
// the Ticket indexes (but the primary key) unless told not to and recreate them after, and end
// with ANALYZE — each phase timed apart.
//   SQLite: a raw better-sqlite3 connection (journal off, synchronous off, 1 GB cache, foreign
// keys off), one prepared INSERT, 100,000 rows per transaction.
//   PostgreSQL: one connection through node-postgres, foreign keys unchecked
// (session_replication_role = replica: the bench runs as the server's superuser),
// `INSERT … SELECT … FROM unnest($1::text[], …)` with 10,000 rows per statement — one array
// parameter per column, so 32 parameters whatever the row count; dates as epoch milliseconds,
// turned into UTC TIMESTAMP(3) by the server — each statement its own transaction on the durable
// server; the next batch is generated while the server inserts this one. Then VACUUM ANALYZE, so
// index-only scans see an all-visible table as on a settled database.
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import type pg from "pg";
import { METRIC_TRIGGERS, metricTriggersSql, rebuildMetricsSql } from "@/lib/dal/metrics/counter-sql";
import { postgresPool } from "@/lib/sql/postgres";
import { BOOLEAN_COLUMNS, COLUMNS, DATE_COLUMNS, ticketRows } from "./metrics-tickets";

export type Timings = { loadS: number; loadCpuS: number; loadRate: number; indexS?: number; rebuildS: number; analyzeS: number };
export type LoadOptions = { size: number; now: number; dropIndexes: boolean; log: (message: string) => void };

const SQLITE_BATCH = 100_000;
const POSTGRES_BATCH = 10_000;

const UNITS_SQL = `SELECT "id" FROM "Unit" WHERE "kind" = 'BRIGADE' ORDER BY "sortOrder"`;
const CATEGORIES_SQL = `SELECT "code" FROM "Category" ORDER BY "sortOrder"`;

function checkSeed(units: string[], categories: string[]): void {
  if (units.length !== 6) throw new Error(`expected the 6 brigades of the seed, found ${units.length}`);
  if (categories.length < 6) throw new Error(`expected 6 categories from the seed, found ${categories.length}`);
}

/** Times `work`; seconds. */
async function timed(work: () => unknown): Promise<number> {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
}

/**
 * Generates the tickets in batches of `batch`, handing each range to `insert`, and logs the
 * progress about every tenth; the load's wall and CPU time.
 */
async function loadInBatches(options: LoadOptions, batch: number, insert: (from: number, to: number) => unknown): Promise<Pick<Timings, "loadS" | "loadCpuS" | "loadRate">> {
  const { size, log } = options;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const step = Math.max(batch, Math.ceil(size / 10 / batch) * batch);
  for (let from = 0; from < size; from += batch) {
    const to = Math.min(size, from + batch);
    await insert(from, to);
    if (to % step === 0 || to === size) {
      const s = (performance.now() - t0) / 1000;
      log(`loaded ${to.toLocaleString("en")} (${Math.round((to / size) * 100)} %), ${Math.round(to / s).toLocaleString("en")} rows/s, ${s.toFixed(1)} s`);
    }
  }
  const loadS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { loadS, loadCpuS: (cpu.user + cpu.system) / 1e6, loadRate: size / loadS };
}

export async function loadSqlite(file: string, options: LoadOptions): Promise<Timings> {
  const { size, now, log } = options;
  const sqlite = new Database(file);
  try {
    sqlite.unsafeMode(true); // better-sqlite3's defensive mode refuses journal_mode = OFF
    sqlite.pragma("journal_mode = OFF");
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.pragma("cache_size = -1048576"); // 1 GB
    sqlite.pragma("temp_store = MEMORY");
    sqlite.pragma("foreign_keys = OFF"); // units and categories come from the seed

    const units = (sqlite.prepare(UNITS_SQL).all() as { id: string }[]).map((u) => u.id);
    const categories = (sqlite.prepare(CATEGORIES_SQL).all() as { code: string }[]).map((c) => c.code);
    checkSeed(units, categories);

    for (const name of METRIC_TRIGGERS) sqlite.exec(`DROP TRIGGER "${name}"`);
    const indexes = options.dropIndexes
      ? (sqlite.prepare(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = 'Ticket' AND "sql" IS NOT NULL`).all() as { name: string; sql: string }[])
      : [];
    for (const ix of indexes) sqlite.exec(`DROP INDEX "${ix.name}"`);

    const insert = sqlite.prepare(`INSERT INTO "Ticket" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`);
    const next = ticketRows(size, now, units, categories);
    const batch = sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) insert.run(next(i));
    });
    const load = await loadInBatches(options, SQLITE_BATCH, batch);

    let indexS: number | undefined;
    if (indexes.length) {
      indexS = await timed(() => indexes.forEach((ix) => sqlite.exec(ix.sql)));
      log(`recreated ${indexes.length} Ticket indexes in ${indexS.toFixed(1)} s`);
    }
    const rebuildS = await timed(() =>
      sqlite.transaction(() => {
        sqlite.exec(metricTriggersSql());
        for (const sql of rebuildMetricsSql()) sqlite.exec(sql);
      })(),
    );
    log(`triggers recreated, aggregates rebuilt in ${rebuildS.toFixed(1)} s`);
    const analyzeS = await timed(() => sqlite.exec("ANALYZE"));
    log(`ANALYZE in ${analyzeS.toFixed(1)} s`);
    sqlite.pragma("locking_mode = NORMAL");
    sqlite.pragma("journal_mode = WAL");
    return { ...load, indexS, rebuildS, analyzeS };
  } finally {
    sqlite.close();
  }
}

/** 0/1 as PostgreSQL's booleans; every other generated value as it is. */
function postgresValue(column: string): (value: unknown) => unknown {
  if (BOOLEAN_COLUMNS.has(column)) return (value) => (value === null ? null : value === 1);
  return (value) => value;
}

/**
 * The INSERT of a batch: one array parameter per column, typed as the column (enums included);
 * dates travel as epoch milliseconds and become UTC TIMESTAMP(3) in the server — exact integer
 * arithmetic, and cheaper than formatting 14 date strings per row here.
 */
function postgresInsert(types: Map<string, string>): string {
  const arrays = COLUMNS.map((c, i) => `$${i + 1}::${DATE_COLUMNS.has(c) ? "bigint" : types.get(c)}[]`);
  const values = COLUMNS.map((c) => (DATE_COLUMNS.has(c) ? `TIMESTAMP '1970-01-01 00:00:00' + "${c}" * INTERVAL '1 millisecond'` : `"${c}"`));
  const columns = COLUMNS.map((c) => `"${c}"`).join(", ");
  return `INSERT INTO "Ticket" (${columns}) SELECT ${values.join(", ")} FROM unnest(${arrays.join(", ")}) AS t(${columns})`;
}

async function loadPostgresOn(client: pg.PoolClient, options: LoadOptions): Promise<Timings> {
  const { size, now, log } = options;
  const rows = async <T extends pg.QueryResultRow>(text: string) => (await client.query<T>(text)).rows;
  // The PostgreSQL twin of foreign_keys = OFF: units and categories come from the seed.
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET maintenance_work_mem = '512MB'`); // for the index builds

  const units = (await rows<{ id: string }>(UNITS_SQL)).map((u) => u.id);
  const categories = (await rows<{ code: string }>(CATEGORIES_SQL)).map((c) => c.code);
  checkSeed(units, categories);

  for (const name of METRIC_TRIGGERS) await client.query(`DROP TRIGGER "${name}" ON "Ticket"; DROP FUNCTION "${name}"()`);
  const indexes = options.dropIndexes
    ? await rows<{ name: string; sql: string }>(
        `SELECT c.relname AS name, pg_get_indexdef(x.indexrelid) AS sql FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
         WHERE x.indrelid = '"Ticket"'::regclass AND NOT x.indisprimary`,
      )
    : [];
  for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);

  const types = new Map(
    (await rows<{ name: string; type: string }>(`SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = '"Ticket"'::regclass AND attnum > 0 AND NOT attisdropped`)).map(
      (c) => [c.name, c.type],
    ),
  );
  const insert = postgresInsert(types);
  const convert = COLUMNS.map(postgresValue);
  const next = ticketRows(size, now, units, categories);
  let inFlight: Promise<unknown> | undefined;
  const load = await loadInBatches(options, POSTGRES_BATCH, async (from, to) => {
    const arrays = COLUMNS.map(() => new Array<unknown>(to - from));
    for (let i = from; i < to; i++) {
      const row = next(i);
      for (let c = 0; c < COLUMNS.length; c++) arrays[c]![i - from] = convert[c]!(row[c]);
    }
    await inFlight; // the previous batch, inserted while this one was generated
    inFlight = client.query(insert, arrays);
    inFlight.catch(() => undefined); // awaited with the next batch: not an unhandled rejection meanwhile
    if (to === size) await inFlight;
  });

  let indexS: number | undefined;
  if (indexes.length) {
    indexS = await timed(async () => {
      for (const ix of indexes) await client.query(ix.sql);
    });
    log(`recreated ${indexes.length} Ticket indexes in ${indexS.toFixed(1)} s`);
  }
  await client.query(`RESET session_replication_role`);
  const rebuildS = await timed(async () => {
    await client.query("BEGIN");
    await client.query(metricTriggersSql("postgresql"));
    for (const sql of rebuildMetricsSql("postgresql")) await client.query(sql);
    await client.query("COMMIT");
  });
  log(`triggers recreated, aggregates rebuilt in ${rebuildS.toFixed(1)} s`);
  const analyzeS = await timed(() => client.query("VACUUM ANALYZE"));
  log(`VACUUM ANALYZE in ${analyzeS.toFixed(1)} s`);
  return { ...load, indexS, rebuildS, analyzeS };
}

export async function loadPostgres(url: string, options: LoadOptions): Promise<Timings> {
  const pool = postgresPool(url, 1);
  const client = await pool.connect();
  try {
    return await loadPostgresOn(client, options);
  } finally {
    client.release();
    await pool.end();
  }
}
