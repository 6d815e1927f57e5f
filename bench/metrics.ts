// npm run bench:metrics — the dashboard's figures from the MetricDaily + MetricMonthly aggregates against a scan
// of the tickets, at 1 and 10 million tickets (issue #5), on each engine of BENCH_ENGINES
// (bench/engines.ts; default SQLite then PostgreSQL 15), side by side (issue #10).
//
// Run: `npm run bench:metrics` (1M then 10M on both engines: about 25 min, ~13 GB free disk for
// PostgreSQL at 10M), or `BENCH_SIZES=200000 npm run bench:metrics` for a quick check (about a minute).
//
// For each size in BENCH_SIZES (default 1,000,000 and 10,000,000) and each engine it prepares a
// fresh database (migrations + organisation, no demo tickets; SQLite a file in a temp folder,
// PostgreSQL a throw-away durable server from withDatabase) and bulk-loads the same tickets
// (bench/metrics-tickets.ts: 2024-01-01 → now over the 6 brigades, the older 99 % finished, the newest
// 1 % open, every counter non-zero) by each engine's fast path (bench/metrics-load.ts: SQLite a raw
// better-sqlite3 connection with one prepared INSERT; PostgreSQL `INSERT … SELECT * FROM unnest(…)`
// with 10,000 rows per statement). The aggregate triggers are dropped for the load, then recreated
// from metricTriggersSql() and the aggregates recounted with rebuildMetricsSql(); the Ticket indexes
// are dropped for the load too and recreated after (BENCH_DROP_INDEXES). Then ANALYZE (PostgreSQL:
// VACUUM ANALYZE). Load, index, rebuild and analyze times are printed apart.
// Then times, through the DAL itself (DATABASE_URL → the bench database):
//   • one year by unit (2025):            aggregateCounters vs naiveCounters;
//   • one year by month, one brigade:      aggregateCounters vs naiveCounters;
//   • rolling 12 months by unit (to now):  aggregateCounters vs naiveCounters (has open tickets);
//   • computeMetrics one year by unit:     the full §6 figures incl. rates, as the dashboard asks.
// The aggregate and naive counters must be equal per key on every engine (else it fails, exit 1).
// Both engines of a size get the same `now`, hence the same tickets: their counters must agree too.
// Prints a table per size and engine and a summary with the engines side by side; targets per
// engine (printed PASS/FAIL, exit code 0 either way): aggregate p95 ≤ 100 ms at 10M, speed-up
// (naive p50 / aggregate p50) ≥ 20×.
//
// Each size and engine runs in its own child process (the DAL reads DATABASE_URL once).
//
// Env:
//   BENCH_ENGINES      sqlite,postgresql (default) or one of them
//   BENCH_SIZES        comma-separated ticket counts (default "1000000,10000000"; e.g. 200000 for a quick run)
//   BENCH_RUNS         timed runs of each aggregate query (default 50)
//   BENCH_NAIVE_RUNS   timed runs of each naive scan (default 5 at 10M … 50 at ≤ 400k: 2e7 / size, within [5, BENCH_RUNS])
//   BENCH_DATA_DIR     SQLite only: keep the databases in BENCH_DATA_DIR/metrics-<size>/ and reuse one that holds
//                      the requested count (PostgreSQL's server is always a throw-away one, loaded afresh)
//   BENCH_DROP_INDEXES 0 = insert with the migration's Ticket indexes in place; default 1 = drop them for the load
//                      and recreate them after (timed apart): about twice the insert rate, about the same total
// Disk (checked before each load, with headroom): SQLite about 0.65–0.7 GB per million tickets, in its
// data folder; PostgreSQL about 0.75 GB per million (pg_database_size: 844 bytes per ticket at 200k,
// 732 at 1M) plus its WAL (~0.8 GB) and the index builds' sort files, in TMPDIR where its server lives
// (the whole cluster peaked at 1.7 GB at 1M).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { sql as raw } from "kysely";
import { COUNTER_NAMES, emptyCounters, type Counters, type GroupBy } from "@/lib/domain/metrics";
import { OPEN_STATUSES } from "@/lib/domain/overdue";
import type { DatabaseEngine } from "@/lib/env";
import { ENGINE_LABEL, ENGINES, withDatabase } from "./engines";
import { loadPostgres, loadSqlite, type Timings } from "./metrics-load";
import { localDate } from "./metrics-tickets";

const SIZES = (process.env.BENCH_SIZES ?? "1000000,10000000").split(",").map((s) => Number(s.trim().replaceAll("_", "")));
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const KEEP = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined;
const DROP_INDEXES = process.env.BENCH_DROP_INDEXES !== "0";
/** Free disk a load needs per ticket, with headroom over what was measured (see the header). */
const BYTES_PER_TICKET: Record<DatabaseEngine, number> = {
  sqlite: 800, // measured ≈ 0.6–0.7 KB with the migration's indexes
  postgresql: 1_000, // measured ≈ 0.73–0.84 KB (pg_database_size at 1M and 200k)
};
/** PostgreSQL's WAL (max_wal_size is 1 GB; a bulk load may overshoot it) and the index builds' sort files. */
const POSTGRES_WAL_BYTES = 3e9;
const DAY = 24 * 3_600_000;
const P95_TARGET_MS = 100;
const SPEEDUP_TARGET = 20;
const RESULT_FILE = "metrics-bench-result.json";
const COMPLETE_FILE = "metrics-bench-complete";

type CaseResult = {
  name: string;
  aggP50: number;
  aggP95: number;
  naiveP50?: number;
  naiveP95?: number;
  speedup?: number;
  runs: number;
  naiveRuns?: number;
};
type SizeResult = {
  engine: DatabaseEngine;
  size: number;
  count: number;
  reused: boolean;
  loadS?: number;
  loadCpuS?: number;
  loadRate?: number;
  indexS?: number;
  rebuildS?: number;
  metricRows: number;
  analyzeS?: number;
  dbMB: number;
  backlog: number;
  cases: CaseResult[];
  /** The counters summed over the paired queries (equal on both engines unless a database was reused). */
  seen: Counters;
  zeroCounters: string[];
  /** 1-minute load average when the timings started and ended (other processes share the machine). */
  loadAvg: [number, number];
};

const fmt = (n: number) => n.toLocaleString("en");
const ms = (n: number | undefined) => (n === undefined ? "—" : n < 10 ? n.toFixed(2) : n.toFixed(1));
const secs = (n: number | undefined) => (n === undefined ? "—" : n.toFixed(1));
const log = (size: number, engine: DatabaseEngine, message: string) => process.stderr.write(`[metrics ${fmt(size)} ${ENGINE_LABEL[engine]}] ${message}\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function countTickets(file: string): number {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare(`SELECT count(*) AS n FROM "Ticket"`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

function freeBytes(dir: string): number {
  const out = execFileSync("df", ["-Pk", dir], { encoding: "utf8" }).trim().split("\n");
  return Number(out[out.length - 1]!.split(/\s+/)[3]) * 1024;
}

// ─── one size (child process) ──────────────────────────────────────────────────────────────

function sameCounters(a: Map<string, Counters>, b: Map<string, Counters>): string | undefined {
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? emptyCounters();
    const y = b.get(key) ?? emptyCounters();
    for (const name of COUNTER_NAMES) if (x[name] !== y[name]) return `key "${key}", ${name}: aggregate ${x[name]} ≠ naive ${y[name]}`;
  }
  return undefined;
}

/** Counts on the DAL's query builder; pg hands COUNT over as a string. */
async function count(query: { executeTakeFirstOrThrow: () => Promise<{ n: string | number | bigint }> }): Promise<number> {
  return Number((await query.executeTakeFirstOrThrow()).n);
}

async function runSize(size: number, engine: DatabaseEngine, dataDir: string, now: Date): Promise<SizeResult> {
  process.env.DATA_DIR = dataDir;
  process.env.DEMO_DATA = "0";
  process.env.SCHEDULER = "0";
  const databaseUrl = process.env.DATABASE_URL!;
  const say = (message: string) => log(size, engine, message);
  const file = path.join(dataDir, "app.db");
  const complete = path.join(dataDir, COMPLETE_FILE);

  const reused = engine === "sqlite" && existsSync(complete) && existsSync(file) && countTickets(file) === size;
  let timings: Timings | undefined;
  if (reused) say(`reusing ${file}`);
  else {
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`, complete]) rmSync(f, { force: true });
    // PostgreSQL's server keeps its files in TMPDIR (tests/support/postgres.ts), beside its WAL.
    const diskDir = engine === "sqlite" ? dataDir : tmpdir();
    const free = freeBytes(diskDir);
    const need = size * BYTES_PER_TICKET[engine] + (engine === "postgresql" ? POSTGRES_WAL_BYTES : 0);
    if (free < need) {
      throw new Error(
        `not enough disk space in ${diskDir} for ${ENGINE_LABEL[engine]}: ${(free / 1e9).toFixed(1)} GB free, about ${(need / 1e9).toFixed(1)} GB needed for ${fmt(size)} tickets` +
          ` — free some space or point TMPDIR${engine === "sqlite" ? " / BENCH_DATA_DIR" : ""} at a larger disk`,
      );
    }
    say(`preparing a fresh database (${(free / 1e9).toFixed(1)} GB free in ${diskDir})`);
    execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/prepare-db.ts"], { env: process.env, stdio: ["ignore", "ignore", "pipe"] });
    const options = { size, now: now.getTime(), dropIndexes: DROP_INDEXES, log: say };
    timings = engine === "sqlite" ? await loadSqlite(file, options) : await loadPostgres(databaseUrl, options);
    if (engine === "sqlite") writeFileSync(complete, `${size}\n`);
  }

  const { db } = await import("@/lib/db");
  const { sql, closeSql } = await import("@/lib/sql");
  const { aggregateCounters, naiveCounters } = await import("@/lib/dal/metrics/counters");
  const { computeMetrics } = await import("@/lib/dal/metrics/read");
  const q = sql();
  const tickets = await count(q.selectFrom("Ticket").select((eb) => eb.fn.countAll<string>().as("n")));
  const metricRows = await count(q.selectFrom("MetricDaily").select((eb) => eb.fn.countAll<string>().as("n")));
  const backlog = await count(
    q
      .selectFrom("Ticket")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("status", "in", OPEN_STATUSES)
      .where("escalationAt", "<=", now),
  );
  const brigade = await q.selectFrom("Unit").select(["id", "code"]).where("kind", "=", "BRIGADE").orderBy("sortOrder").limit(1).executeTakeFirstOrThrow();
  const year = { from: "2025-01-01", to: "2026-01-01" };
  const rolling = { from: localDate(now.getTime() - 365 * DAY), to: localDate(now.getTime() + DAY) };
  const naiveRuns = Number(process.env.BENCH_NAIVE_RUNS ?? Math.max(5, Math.min(RUNS, Math.round(2e7 / size))));

  type Filter = Parameters<typeof aggregateCounters>[0];
  const paired: { name: string; filter: Filter; groupBy: GroupBy }[] = [
    { name: "one year by unit (2025)", filter: { period: year }, groupBy: "unit" },
    { name: `one year by month, unit ${brigade.code}`, filter: { period: year, unitId: brigade.id }, groupBy: "month" },
    { name: `rolling 12 months by unit (${rolling.from} → ${rolling.to})`, filter: { period: rolling }, groupBy: "unit" },
  ];

  const time = async (runs: number, fn: () => unknown) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };

  const loadAtStart = loadavg()[0]!;
  const cases: CaseResult[] = [];
  const seen = emptyCounters();
  for (const c of paired) {
    const aggregate = await aggregateCounters(c.filter, c.groupBy, now);
    say(`${c.name}: naive scan (verification run)…`);
    const naive = await naiveCounters(c.filter, c.groupBy, now);
    const mismatch = sameCounters(aggregate, naive);
    if (mismatch) throw new Error(`MISMATCH in "${c.name}": ${mismatch}`);
    if (aggregate.size === 0) throw new Error(`"${c.name}" found no tickets: the generated data does not cover the period`);
    for (const counters of aggregate.values()) for (const name of COUNTER_NAMES) seen[name] += counters[name];
    for (let i = 0; i < 5; i++) await aggregateCounters(c.filter, c.groupBy, now); // warm-up
    const agg = await time(RUNS, () => aggregateCounters(c.filter, c.groupBy, now));
    say(`${c.name}: aggregate p50 ${ms(agg.p50)} ms; timing the naive scan ×${naiveRuns}…`);
    const nai = await time(naiveRuns, () => naiveCounters(c.filter, c.groupBy, now));
    cases.push({ name: c.name, aggP50: agg.p50, aggP95: agg.p95, naiveP50: nai.p50, naiveP95: nai.p95, speedup: nai.p50 / agg.p50, runs: RUNS, naiveRuns });
  }
  for (let i = 0; i < 5; i++) await computeMetrics({ period: year }, "unit", now); // warm-up (loads the reference data)
  const full = await time(RUNS, () => computeMetrics({ period: year }, "unit", now));
  cases.push({ name: "computeMetrics one year by unit (§6 rates)", aggP50: full.p50, aggP95: full.p95, runs: RUNS });

  const zeroCounters = COUNTER_NAMES.filter((name) => seen[name] === 0);
  const dbBytes =
    engine === "sqlite"
      ? [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0)
      : Number((await raw<{ n: string }>`SELECT pg_database_size(current_database()) AS n`.execute(q)).rows[0]!.n);
  await db.$disconnect();
  await closeSql();

  const result: SizeResult = {
    engine,
    size,
    count: tickets,
    reused,
    loadS: timings?.loadS,
    loadCpuS: timings?.loadCpuS,
    loadRate: timings?.loadRate,
    indexS: timings?.indexS,
    rebuildS: timings?.rebuildS,
    metricRows,
    analyzeS: timings?.analyzeS,
    dbMB: dbBytes / 1e6,
    backlog,
    cases,
    seen,
    zeroCounters,
    loadAvg: [loadAtStart, loadavg()[0]!],
  };
  printSize(result);
  return result;
}

// ─── report ────────────────────────────────────────────────────────────────────────────────

function targets(r: SizeResult) {
  const worstP95 = Math.max(...r.cases.map((c) => c.aggP95));
  const speedups = r.cases.flatMap((c) => (c.speedup === undefined ? [] : [c.speedup]));
  const minSpeedup = Math.min(...speedups);
  return { worstP95, minSpeedup, p95Ok: worstP95 <= P95_TARGET_MS, speedupOk: minSpeedup >= SPEEDUP_TARGET };
}

const analyzeName = (engine: DatabaseEngine) => (engine === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");
const bytesPerTicket = (r: SizeResult) => Math.round((r.dbMB * 1e6) / r.count);
const speedup = (c: CaseResult) => (c.speedup === undefined ? "—" : `${Math.round(c.speedup)}×`);

function printSize(r: SizeResult) {
  const lines: string[] = [];
  lines.push(`\nmetrics benchmark on ${ENGINE_LABEL[r.engine]} — ${fmt(r.count)} tickets (2024-01-01 → now, 6 brigades), ${r.cases[0]!.runs} aggregate runs, ${r.cases[0]!.naiveRuns} naive runs`);
  if (r.reused) lines.push(`  database reused from BENCH_DATA_DIR (load / rebuild not measured in this run)`);
  else {
    lines.push(
      `  load ${secs(r.loadS)} s (${fmt(Math.round(r.loadRate!))} rows/s; ${secs(r.loadCpuS)} s CPU in this process), aggregate triggers dropped, ` +
        `Ticket indexes ${r.indexS === undefined ? "kept" : `dropped, recreated in ${secs(r.indexS)} s`}; rebuild aggregates ${secs(r.rebuildS)} s; ${analyzeName(r.engine)} ${secs(r.analyzeS)} s`,
    );
  }
  lines.push(`  1-min load average while timing: ${r.loadAvg[0].toFixed(2)} → ${r.loadAvg[1].toFixed(2)} (2 cores; other processes share the machine)`);
  lines.push(
    `  DB ${fmt(Math.round(r.dbMB))} MB (${fmt(bytesPerTicket(r))} bytes per ticket); MetricDaily ${fmt(r.metricRows)} rows; ` +
      `open tickets with escalationAt ≤ now (read for contactLate): ${fmt(r.backlog)}`,
  );
  const w = Math.max(...r.cases.map((c) => c.name.length));
  lines.push(`  ${"query".padEnd(w)}  aggregate p50 / p95 ms   naive p50 / p95 ms   speed-up`);
  for (const c of r.cases) {
    const agg = `${ms(c.aggP50)} / ${ms(c.aggP95)}`.padEnd(23);
    const naive = (c.naiveP50 === undefined ? "—" : `${ms(c.naiveP50)} / ${ms(c.naiveP95)}`).padEnd(19);
    lines.push(`  ${c.name.padEnd(w)}  ${agg}  ${naive}  ${speedup(c)}`);
  }
  lines.push(`  aggregate = naive for every key and counter in the 3 paired queries: yes`);
  lines.push(`  counters summed over those queries: ${COUNTER_NAMES.map((n) => `${n} ${fmt(r.seen[n])}`).join(", ")}`);
  if (r.zeroCounters.length) lines.push(`  WARNING: counters zero in every query: ${r.zeroCounters.join(", ")}`);
  const t = targets(r);
  lines.push(`  target aggregate p95 ≤ ${P95_TARGET_MS} ms (worst of the 4 aggregate-side queries: ${ms(t.worstP95)} ms): ${t.p95Ok ? "PASS" : "FAIL"}${r.count >= 10_000_000 ? "" : " (the target is set for 10M)"}`);
  lines.push(`  target speed-up ≥ ${SPEEDUP_TARGET}× (lowest ${Math.round(t.minSpeedup)}×): ${t.speedupOk ? "PASS" : "FAIL"}`);
  console.log(lines.join("\n"));
}

/** The engines' counters for one size differ (a freshly loaded pair only: a reused database has an older `now`). */
function countersDiffer(runs: SizeResult[]): string | undefined {
  const fresh = runs.filter((r) => !r.reused);
  for (const r of fresh.slice(1)) {
    const diff = COUNTER_NAMES.find((n) => r.seen[n] !== fresh[0]!.seen[n]);
    if (diff) return `${diff}: ${ENGINE_LABEL[fresh[0]!.engine]} ${fresh[0]!.seen[diff]} ≠ ${ENGINE_LABEL[r.engine]} ${r.seen[diff]}`;
  }
  return undefined;
}

/** The summary; false when the engines disagree on a size's counters. */
function printSummary(results: SizeResult[]): boolean {
  const engines = ENGINES.filter((e) => results.some((r) => r.engine === e));
  const sizes = [...new Set(results.map((r) => r.size))];
  const of = (size: number) => engines.flatMap((e) => results.filter((r) => r.size === size && r.engine === e));
  const out: string[] = [
    "\nsummary (Markdown):",
    "",
    "| tickets | engine | load s | rows/s | indexes s | rebuild s | analyze s | DB MB | bytes / ticket |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of results) {
    const load = r.reused ? ["reused", "—", "reused", "reused", "reused"] : [secs(r.loadS), fmt(Math.round(r.loadRate!)), r.indexS === undefined ? "kept" : secs(r.indexS), secs(r.rebuildS), secs(r.analyzeS)];
    out.push(`| ${fmt(r.count)} | ${ENGINE_LABEL[r.engine]} | ${load.join(" | ")} | ${fmt(Math.round(r.dbMB))} | ${fmt(bytesPerTicket(r))} |`);
  }
  out.push("", `| tickets | query | ${engines.map((e) => `${ENGINE_LABEL[e]} aggregate p50 / p95 ms | naive p50 ms | speed-up`).join(" | ")} |`);
  out.push(`|---:|---|${engines.map(() => "---:|---:|---:|").join("")}`);
  for (const size of sizes) {
    const runs = of(size);
    for (const [i, c] of runs[0]!.cases.entries()) {
      const cells = runs.flatMap((r) => {
        const x = r.cases[i]!;
        return [`${ms(x.aggP50)} / ${ms(x.aggP95)}`, ms(x.naiveP50), speedup(x)];
      });
      out.push(`| ${i === 0 ? fmt(size) : ""} | ${c.name} | ${cells.join(" | ")} |`);
    }
  }
  out.push("");
  let agree = true;
  for (const size of sizes) {
    for (const r of of(size)) {
      const t = targets(r);
      out.push(
        `${fmt(r.count)} tickets, ${ENGINE_LABEL[r.engine]}: aggregate p95 ≤ ${P95_TARGET_MS} ms ${t.p95Ok ? "PASS" : "FAIL"} (worst ${ms(t.worstP95)} ms)${r.count >= 10_000_000 ? "" : " [target set for 10M]"}; ` +
          `speed-up ≥ ${SPEEDUP_TARGET}× ${t.speedupOk ? "PASS" : "FAIL"} (lowest ${Math.round(t.minSpeedup)}×)`,
      );
    }
    if (of(size).filter((r) => !r.reused).length > 1) {
      const diff = countersDiffer(of(size));
      agree &&= diff === undefined;
      out.push(`${fmt(size)} tickets: the engines' counters are equal (same tickets, same now): ${diff === undefined ? "yes" : `NO — ${diff}`}`);
    }
  }
  console.log(out.join("\n"));
  return agree;
}

// ─── main ──────────────────────────────────────────────────────────────────────────────────

async function child(size: number, engine: DatabaseEngine, dataDir: string, now: Date) {
  const result = await runSize(size, engine, dataDir, now);
  writeFileSync(path.join(dataDir, RESULT_FILE), JSON.stringify(result));
}

/** Runs one size on one engine in a child process; a SIGINT / SIGTERM here stops it and cleans up. */
function runChild(size: number, engine: DatabaseEngine, dataDir: string, databaseUrl: string, now: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const run = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", fileURLToPath(import.meta.url)], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_CHILD_SIZE: String(size), BENCH_CHILD_ENGINE: engine, BENCH_CHILD_DIR: dataDir, BENCH_CHILD_NOW: String(now) },
    });
    const stop = (signal: NodeJS.Signals) => run.kill(signal);
    process.on("SIGINT", stop).on("SIGTERM", stop);
    run.on("error", reject);
    run.on("exit", (code, signal) => {
      process.off("SIGINT", stop).off("SIGTERM", stop);
      if (code === 0) resolve();
      else reject(new Error(`the ${fmt(size)}-ticket run on ${ENGINE_LABEL[engine]} failed (${signal ? `signal ${signal}` : `exit ${code}`})`));
    });
  });
}

async function parent() {
  for (const size of SIZES) if (!Number.isInteger(size) || size < 10_000) throw new Error(`BENCH_SIZES: "${size}" is not a ticket count ≥ 10000`);
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    const now = Date.now(); // one clock per size: both engines get the same tickets
    for (const engine of ENGINES) {
      const keep = KEEP !== undefined && engine === "sqlite";
      const dataDir = keep ? path.join(KEEP, `metrics-${size}`) : mkdtempSync(path.join(tmpdir(), "jsjb-bench-metrics-"));
      mkdirSync(dataDir, { recursive: true });
      try {
        await withDatabase(engine, dataDir, (databaseUrl) => runChild(size, engine, dataDir, databaseUrl, now));
        results.push(JSON.parse(readFileSync(path.join(dataDir, RESULT_FILE), "utf8")) as SizeResult);
      } finally {
        if (!keep) rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  if (!printSummary(results)) process.exitCode = 1;
}

const childEnv = process.env;
if (childEnv.BENCH_CHILD_SIZE && childEnv.BENCH_CHILD_ENGINE && childEnv.BENCH_CHILD_DIR && childEnv.BENCH_CHILD_NOW) {
  child(Number(childEnv.BENCH_CHILD_SIZE), childEnv.BENCH_CHILD_ENGINE as DatabaseEngine, childEnv.BENCH_CHILD_DIR, new Date(Number(childEnv.BENCH_CHILD_NOW))).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
} else {
  parent().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
