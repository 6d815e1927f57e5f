// npm run bench:metrics — the dashboard's figures from the MetricDaily + MetricMonthly aggregates against a scan
// of the tickets, at 1 and 10 million tickets (issue #5).
//
// Run: `npm run bench:metrics` (1M then 10M: about 10 min, ~7 GB free disk for 10M), or
// `BENCH_SIZES=200000 npm run bench:metrics` for a quick check (about a minute).
//
// For each size in BENCH_SIZES (default 1,000,000 and 10,000,000) it prepares a fresh database
// in a temp folder (migrations + organisation, no demo tickets) and bulk-loads the tickets on a
// raw better-sqlite3 connection (journal off, synchronous off, 1 GB cache, one prepared INSERT,
// 100,000 rows per transaction, rows generated chunk by chunk so memory stays flat). The
// aggregate triggers are dropped for the load, then recreated from metricTriggersSql() and
// the aggregates are recounted with rebuildMetricsSql(); the Ticket indexes are dropped for the load
// too and recreated after (BENCH_DROP_INDEXES). Load, index and rebuild times are printed apart.
//   Data: 2024-01-01 → now over the 6 brigades (uneven shares), every channel and category; the
// older 99 % finished (mostly CLOSED with SATISFIED / BASIC / UNSATISFIED / NONE and resolved
// 0/1, REPLIED mostly just before the open ones, a few MERGED / INVALID, some returned, reopened,
// late or never contacted), the newest 1 % open (待派单 / 待签收 / 办理中) with their deadlines;
// contact crossings older than 6 h are recorded (cron-style scheduler), newer ones are not, so
// every counter — contactLate included — is non-zero.
// Then ANALYZE, and times, on the DAL's own connection (rawSqlite(), DATA_DIR → the bench DB):
//   • one year by unit (2025):            aggregateCounters vs naiveCounters;
//   • one year by month, one brigade:      aggregateCounters vs naiveCounters;
//   • rolling 12 months by unit (to now):  aggregateCounters vs naiveCounters (has open tickets);
//   • computeMetrics one year by unit:     the full §6 figures incl. rates, as the dashboard asks.
// The aggregate and naive counters must be equal per key (else it fails, exit 1). Prints a table
// per size and a summary; targets (printed PASS/FAIL, exit code 0 either way): aggregate p95
// ≤ 100 ms at 10M, speed-up (naive p50 / aggregate p50) ≥ 20×.
//
// Each size runs in its own child process (the DAL caches its database path and connections).
//
// Env:
//   BENCH_SIZES        comma-separated ticket counts (default "1000000,10000000"; e.g. 200000 for a quick run)
//   BENCH_RUNS         timed runs of each aggregate query (default 50)
//   BENCH_NAIVE_RUNS   timed runs of each naive scan (default 5 at 10M … 50 at ≤ 400k: 2e7 / size, within [5, BENCH_RUNS])
//   BENCH_DATA_DIR     keep the databases in BENCH_DATA_DIR/metrics-<size>/ and reuse one that holds the requested count
//   BENCH_DROP_INDEXES 0 = insert with the migration's Ticket indexes in place; default 1 = drop them for the load
//                      and recreate them after (timed apart): about twice the insert rate, about the same total
// Disk: about 0.65 GB per million tickets; df must show 0.8 GB per million free before a load.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { METRIC_TRIGGERS, metricTriggersSql, rebuildMetricsSql } from "@/lib/dal/metrics/counter-sql";
import { COUNTER_NAMES, emptyCounters, type Counters, type GroupBy } from "@/lib/domain/metrics";

const SIZES = (process.env.BENCH_SIZES ?? "1000000,10000000").split(",").map((s) => Number(s.trim().replaceAll("_", "")));
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const KEEP = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined;
const DROP_INDEXES = process.env.BENCH_DROP_INDEXES !== "0";
const BATCH = 100_000;
const BYTES_PER_TICKET = 800; // measured ≈ 0.6–0.7 KB with the migration's indexes; with headroom
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR; // Asia/Shanghai
const START = Date.parse("2024-01-01T00:00:00+08:00");
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
  zeroCounters: string[];
  /** 1-minute load average when the timings started and ended (other processes share the machine). */
  loadAvg: [number, number];
};

const fmt = (n: number) => n.toLocaleString("en");
const ms = (n: number | undefined) => (n === undefined ? "—" : n < 10 ? n.toFixed(2) : n.toFixed(1));
const secs = (n: number | undefined) => (n === undefined ? "—" : n.toFixed(1));
const log = (size: number, message: string) => process.stderr.write(`[metrics ${fmt(size)}] ${message}\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Small deterministic PRNG (mulberry32), so every run generates the same data. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative weights → a picker of an index. */
function weighted(weights: number[]): (r: number) => number {
  const sum = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const cum = weights.map((w) => (acc += w / sum));
  return (r) => {
    for (let i = 0; i < cum.length; i++) if (r < cum[i]!) return i;
    return cum.length - 1;
  };
}

/** Local date "YYYY-MM-DD" of an instant (Shanghai). */
const localDate = (instant: number) => new Date(instant + OFFSET).toISOString().slice(0, 10);

// ─── generation ────────────────────────────────────────────────────────────────────────────

const CHANNELS = ["HOTLINE_12345", "PHONE_12123", "WECHAT", "WEB", "API", "IMPORT"];
const pickChannel = weighted([45, 25, 12, 10, 5, 3]);
const TYPES = ["COMPLAINT", "REPORT", "HELP", "INQUIRY", "SUGGESTION", "PRAISE"];
const pickType = weighted([30, 20, 15, 25, 8, 2]);
const pickUnit = weighted([25, 20, 18, 15, 12, 10]);
const pickCategory = weighted([22, 25, 18, 15, 12, 8]);
const TITLES = ["信号灯配时不合理", "路口拥堵严重", "违法停车占道", "事故处理进度咨询", "驾驶证换证预约", "道路标线不清", "渣土车抛洒", "占道施工无提示"];
const CONTENTS = [
  "早高峰左转信号太短，排队很长，希望调整配时。",
  "每天晚上有车辆长期占用非机动车道停放，影响通行。",
  "上周发生的剐蹭事故至今未出认定书，想了解进度。",
  "路口标线磨损看不清，夜间容易走错车道，请尽快重新施划。",
];
const PLACES = ["光岳路与东昌路交叉口", "柳园路口", "建设路中段", "东昌府区政府门口", "高速出口", "火车站广场", "开发区管委会西侧", "古楼东街"];
const DISTRICTS = ["东城区", "西城区", "南城区", "北城区"];

const COLUMNS = [
  "id", "no", "channel", "type", "categoryCode", "title", "content", "district", "place", "citizenPhone", "anonymous",
  "status", "ownerUnitId", "receivedAt", "dispatchedAt", "signedAt", "firstContactAt", "repliedAt", "closedAt",
  "signDueAt", "contactDueAt", "dueAt", "escalationAt", "contactOverdueAt", "returnCount", "extendedDays", "reopenCount",
  "resolved", "satisfaction", "evaluatedAt", "createdAt", "updatedAt",
];

type Timings = { loadS: number; loadCpuS: number; loadRate: number; indexS?: number; rebuildS: number; analyzeS: number };

function generate(file: string, size: number, now: number): Timings {
  const sqlite = new Database(file);
  sqlite.unsafeMode(true); // better-sqlite3's defensive mode refuses journal_mode = OFF
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("locking_mode = EXCLUSIVE");
  sqlite.pragma("cache_size = -1048576"); // 1 GB
  sqlite.pragma("temp_store = MEMORY");
  sqlite.pragma("foreign_keys = OFF"); // units and categories come from the seed

  const units = (sqlite.prepare(`SELECT "id" FROM "Unit" WHERE "kind" = 'BRIGADE' ORDER BY "sortOrder"`).all() as { id: string }[]).map((u) => u.id);
  const categories = (sqlite.prepare(`SELECT "code" FROM "Category" ORDER BY "sortOrder"`).all() as { code: string }[]).map((c) => c.code);
  if (units.length !== 6) throw new Error(`expected the 6 brigades of the seed, found ${units.length}`);
  if (categories.length < 6) throw new Error(`expected 6 categories from the seed, found ${categories.length}`);

  for (const name of METRIC_TRIGGERS) sqlite.exec(`DROP TRIGGER "${name}"`);
  const indexes = DROP_INDEXES
    ? (sqlite.prepare(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = 'Ticket' AND "sql" IS NOT NULL`).all() as { name: string; sql: string }[])
    : [];
  for (const ix of indexes) sqlite.exec(`DROP INDEX "${ix.name}"`);

  const insert = sqlite.prepare(`INSERT INTO "Ticket" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`);
  const random = prng(20261124);
  const span = now - MIN - START;
  const openFrom = Math.floor(size * 0.99);
  const openFromAt = START + Math.floor((openFrom / size) * span);
  const lastTick = now - 6 * HOUR; // contact crossings up to here are recorded
  const dayNames = new Map<number, string>();
  const perDay = new Map<number, number>();
  const row: unknown[] = new Array(COLUMNS.length);
  const between = (a: number, b: number) => a + Math.floor(random() * (b - a));

  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const receivedAt = START + Math.floor((i / size) * span);
      const day = Math.floor((receivedAt + OFFSET) / DAY);
      let dayName = dayNames.get(day);
      if (dayName === undefined) dayNames.set(day, (dayName = localDate(receivedAt).replaceAll("-", "")));
      const seq = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, seq);

      const anonymous = random() < 0.04;
      const open = i >= openFrom;
      const age = now - receivedAt;
      const signDueAt = receivedAt + 2 * HOUR;
      const contactDueAt = anonymous ? null : receivedAt + DAY;
      let dueAt = receivedAt + (3 + Math.floor(random() * 13)) * DAY;
      let extendedDays = 0;
      let ownerUnitId: string | null = units[pickUnit(random())]!;
      let dispatchedAt: number | null = null;
      let signedAt: number | null = null;
      let firstContactAt: number | null = null;
      let repliedAt: number | null = null;
      let closedAt: number | null = null;
      let escalationAt: number | null = null;
      let contactOverdueAt: number | null = null;
      let returnCount = 0;
      let reopenCount = 0;
      let resolved: number | null = null;
      let satisfaction: string | null = null;
      let evaluatedAt: number | null = null;
      let status: string;
      const r = random();

      if (open) {
        status = age < HOUR ? (r < 0.4 ? "PENDING" : "DISPATCHED") : age < 6 * HOUR ? (r < 0.03 ? "PENDING" : r < 0.33 ? "DISPATCHED" : "IN_PROGRESS") : r < 0.01 ? "DISPATCHED" : "IN_PROGRESS";
        if (dueAt < now && random() < 0.85) {
          // most open tickets past their first limit had an extension approved (延期)
          extendedDays = Math.ceil((now - dueAt) / DAY) + 1 + Math.floor(random() * 5);
          dueAt += extendedDays * DAY;
        }
        if (status === "PENDING") ownerUnitId = null;
        else {
          dispatchedAt = receivedAt + Math.min(Math.floor(age * 0.3), between(5 * MIN, 60 * MIN));
          if (status === "IN_PROGRESS") {
            signedAt = dispatchedAt + Math.min(Math.floor((now - dispatchedAt) * 0.5), between(5 * MIN, 90 * MIN));
            const contactAt = signedAt + between(30 * MIN, 30 * HOUR);
            if (!anonymous && random() < 0.97 && contactAt <= now) firstContactAt = contactAt;
          }
        }
        // escalationAt: the earliest deadline still running (lib/domain/overdue.ts)
        const running = [dueAt];
        if (signedAt === null) running.push(signDueAt);
        if (contactDueAt !== null && firstContactAt === null) {
          running.push(contactDueAt);
          if (contactDueAt <= lastTick) contactOverdueAt = contactDueAt + between(MIN, 5 * MIN);
        }
        escalationAt = Math.min(...running);
      } else {
        const repliedShare = receivedAt > openFromAt - 7 * DAY ? 0.3 : 0.015;
        status = r < 0.03 ? "INVALID" : r < 0.07 ? "MERGED" : r < 0.07 + repliedShare ? "REPLIED" : "CLOSED";
        if (status === "INVALID") ownerUnitId = null;
        else {
          dispatchedAt = receivedAt + between(5 * MIN, 60 * MIN);
          if (status !== "MERGED") {
            if (random() < 0.03) {
              returnCount = 1; // returned once (退单) and dispatched again
              dispatchedAt += between(HOUR, 4 * HOUR);
            }
            signedAt = dispatchedAt + (random() < 0.9 ? between(5 * MIN, 50 * MIN) : between(HOUR, 6 * HOUR));
            if (contactDueAt !== null) {
              if (random() < 0.97) {
                firstContactAt = signedAt + (random() < 0.88 ? between(30 * MIN, 20 * HOUR) : between(20 * HOUR, 48 * HOUR));
                if (firstContactAt > contactDueAt) contactOverdueAt = contactDueAt + between(MIN, 5 * MIN);
              } else {
                contactOverdueAt = contactDueAt + between(MIN, 5 * MIN); // never contacted, crossing recorded
              }
            }
            const started = firstContactAt ?? signedAt;
            const late = random() < 0.06;
            repliedAt = Math.max(started + HOUR, late ? dueAt + between(HOUR, 5 * DAY) : receivedAt + Math.floor((dueAt - receivedAt) * (0.2 + 0.7 * random())));
            if (status === "CLOSED") {
              closedAt = Math.min(repliedAt + between(2 * HOUR, 48 * HOUR), Math.max(repliedAt + HOUR, late ? Infinity : dueAt));
              const s = random();
              satisfaction = s < 0.68 ? "SATISFIED" : s < 0.8 ? "BASIC" : s < 0.86 ? "UNSATISFIED" : "NONE";
              if (satisfaction !== "NONE") {
                const p = satisfaction === "SATISFIED" ? 0.96 : satisfaction === "BASIC" ? 0.8 : 0.3;
                resolved = random() < p ? 1 : 0;
                evaluatedAt = closedAt;
              }
              if (random() < 0.02) reopenCount = 1;
            }
          }
        }
      }

      row[0] = `bench${String(i).padStart(9, "0")}`;
      row[1] = `${dayName}${String(seq).padStart(6, "0")}`;
      row[2] = CHANNELS[pickChannel(random())];
      row[3] = TYPES[pickType(random())];
      row[4] = categories[pickCategory(random())];
      row[5] = TITLES[i % TITLES.length];
      row[6] = CONTENTS[i % CONTENTS.length];
      row[7] = DISTRICTS[i % DISTRICTS.length];
      row[8] = PLACES[Math.floor(random() * PLACES.length)];
      row[9] = `139${String(i).padStart(8, "0")}`;
      row[10] = anonymous ? 1 : 0;
      row[11] = status;
      row[12] = ownerUnitId;
      row[13] = receivedAt;
      row[14] = dispatchedAt;
      row[15] = signedAt;
      row[16] = firstContactAt;
      row[17] = repliedAt;
      row[18] = closedAt;
      row[19] = signDueAt;
      row[20] = contactDueAt;
      row[21] = dueAt;
      row[22] = escalationAt;
      row[23] = contactOverdueAt;
      row[24] = returnCount;
      row[25] = extendedDays;
      row[26] = reopenCount;
      row[27] = resolved;
      row[28] = satisfaction;
      row[29] = evaluatedAt;
      row[30] = receivedAt;
      row[31] = closedAt ?? repliedAt ?? firstContactAt ?? signedAt ?? dispatchedAt ?? receivedAt;
      insert.run(row);
    }
  });

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const step = Math.max(BATCH, Math.ceil(size / 10 / BATCH) * BATCH);
  for (let from = 0; from < size; from += BATCH) {
    const to = Math.min(size, from + BATCH);
    batch(from, to);
    if (to % step === 0 || to === size) {
      const s = (performance.now() - t0) / 1000;
      log(size, `loaded ${fmt(to)} (${Math.round((to / size) * 100)} %), ${fmt(Math.round(to / s))} rows/s, ${s.toFixed(1)} s`);
    }
  }
  const loadS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const loadCpuS = (cpu.user + cpu.system) / 1e6;

  let indexS: number | undefined;
  if (indexes.length) {
    const t1 = performance.now();
    for (const ix of indexes) sqlite.exec(ix.sql);
    indexS = (performance.now() - t1) / 1000;
    log(size, `recreated ${indexes.length} Ticket indexes in ${indexS.toFixed(1)} s`);
  }

  const t2 = performance.now();
  sqlite.transaction(() => {
    sqlite.exec(metricTriggersSql());
    for (const sql of rebuildMetricsSql()) sqlite.exec(sql);
  })();
  const rebuildS = (performance.now() - t2) / 1000;
  log(size, `triggers recreated, aggregates rebuilt in ${rebuildS.toFixed(1)} s`);

  const t3 = performance.now();
  sqlite.exec("ANALYZE");
  const analyzeS = (performance.now() - t3) / 1000;
  log(size, `ANALYZE in ${analyzeS.toFixed(1)} s`);
  sqlite.pragma("locking_mode = NORMAL");
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  return { loadS, loadCpuS, loadRate: size / loadS, indexS, rebuildS, analyzeS };
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

async function runSize(size: number, dataDir: string): Promise<SizeResult> {
  process.env.DATA_DIR = dataDir;
  process.env.DEMO_DATA = "0";
  delete process.env.DATABASE_URL;
  process.env.SCHEDULER = "0";
  const file = path.join(dataDir, "app.db");
  const complete = path.join(dataDir, COMPLETE_FILE);
  const now = new Date();

  const reused = existsSync(complete) && existsSync(file) && countTickets(file) === size;
  let timings: Timings | undefined;
  if (reused) log(size, `reusing ${file}`);
  else {
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`, complete]) rmSync(f, { force: true });
    const free = freeBytes(dataDir);
    const need = size * BYTES_PER_TICKET;
    if (free < need) {
      throw new Error(
        `not enough disk space in ${dataDir}: ${(free / 1e9).toFixed(1)} GB free, about ${(need / 1e9).toFixed(1)} GB needed for ${fmt(size)} tickets` +
          ` — free some space or point TMPDIR / BENCH_DATA_DIR at a larger disk`,
      );
    }
    log(size, `preparing a fresh database in ${dataDir} (${(free / 1e9).toFixed(1)} GB free)`);
    execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/prepare-db.ts"], { env: process.env, stdio: ["ignore", "ignore", "pipe"] });
    timings = generate(file, size, now.getTime());
    writeFileSync(complete, `${size}\n`);
  }

  const { rawSqlite } = await import("@/lib/sqlite");
  const { db } = await import("@/lib/db");
  const { aggregateCounters, naiveCounters } = await import("@/lib/dal/metrics/counters");
  const { computeMetrics } = await import("@/lib/dal/metrics/read");
  const sqlite = rawSqlite();
  const count = (sqlite.prepare(`SELECT count(*) AS n FROM "Ticket"`).get() as { n: number }).n;
  const metricRows = (sqlite.prepare(`SELECT count(*) AS n FROM "MetricDaily"`).get() as { n: number }).n;
  const backlog = (
    sqlite.prepare(`SELECT count(*) AS n FROM "Ticket" WHERE "status" IN ('PENDING', 'DISPATCHED', 'IN_PROGRESS') AND "escalationAt" <= ?`).get(now.getTime()) as { n: number }
  ).n;
  const brigade = (sqlite.prepare(`SELECT "id", "code" FROM "Unit" WHERE "kind" = 'BRIGADE' ORDER BY "sortOrder" LIMIT 1`).get() as { id: string; code: string });
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
    log(size, `${c.name}: naive scan (verification run)…`);
    const naive = await naiveCounters(c.filter, c.groupBy, now);
    const mismatch = sameCounters(aggregate, naive);
    if (mismatch) throw new Error(`MISMATCH in "${c.name}": ${mismatch}`);
    if (aggregate.size === 0) throw new Error(`"${c.name}" found no tickets: the generated data does not cover the period`);
    for (const counters of aggregate.values()) for (const name of COUNTER_NAMES) seen[name] += counters[name];
    for (let i = 0; i < 5; i++) await aggregateCounters(c.filter, c.groupBy, now); // warm-up
    const agg = await time(RUNS, () => aggregateCounters(c.filter, c.groupBy, now));
    log(size, `${c.name}: aggregate p50 ${ms(agg.p50)} ms; timing the naive scan ×${naiveRuns}…`);
    const nai = await time(naiveRuns, () => naiveCounters(c.filter, c.groupBy, now));
    cases.push({ name: c.name, aggP50: agg.p50, aggP95: agg.p95, naiveP50: nai.p50, naiveP95: nai.p95, speedup: nai.p50 / agg.p50, runs: RUNS, naiveRuns });
  }
  for (let i = 0; i < 5; i++) await computeMetrics({ period: year }, "unit", now); // warm-up (loads the reference data)
  const full = await time(RUNS, () => computeMetrics({ period: year }, "unit", now));
  cases.push({ name: "computeMetrics one year by unit (§6 rates)", aggP50: full.p50, aggP95: full.p95, runs: RUNS });

  const zeroCounters = COUNTER_NAMES.filter((name) => seen[name] === 0);
  const dbBytes = [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
  await db.$disconnect();
  sqlite.close();

  const result: SizeResult = {
    size,
    count,
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
    zeroCounters,
    loadAvg: [loadAtStart, loadavg()[0]!],
  };
  printSize(result, seen);
  return result;
}

// ─── report ────────────────────────────────────────────────────────────────────────────────

function targets(r: SizeResult) {
  const worstP95 = Math.max(...r.cases.map((c) => c.aggP95));
  const speedups = r.cases.flatMap((c) => (c.speedup === undefined ? [] : [c.speedup]));
  const minSpeedup = Math.min(...speedups);
  return { worstP95, minSpeedup, p95Ok: worstP95 <= P95_TARGET_MS, speedupOk: minSpeedup >= SPEEDUP_TARGET };
}

function printSize(r: SizeResult, seen: Counters) {
  const lines: string[] = [];
  lines.push(`\nmetrics benchmark — ${fmt(r.count)} tickets (2024-01-01 → now, 6 brigades), ${r.cases[0]!.runs} aggregate runs, ${r.cases[0]!.naiveRuns} naive runs`);
  if (r.reused) lines.push(`  database reused from BENCH_DATA_DIR (load / rebuild not measured in this run)`);
  else {
    lines.push(
      `  load ${secs(r.loadS)} s (${fmt(Math.round(r.loadRate!))} rows/s; ${secs(r.loadCpuS)} s CPU in this process), aggregate triggers dropped, ` +
        `Ticket indexes ${r.indexS === undefined ? "kept" : `dropped, recreated in ${secs(r.indexS)} s`}; rebuild aggregates ${secs(r.rebuildS)} s; ANALYZE ${secs(r.analyzeS)} s`,
    );
  }
  lines.push(`  1-min load average while timing: ${r.loadAvg[0].toFixed(2)} → ${r.loadAvg[1].toFixed(2)} (2 cores; other processes share the machine)`);
  lines.push(`  DB ${fmt(Math.round(r.dbMB))} MB; MetricDaily ${fmt(r.metricRows)} rows; open tickets with escalationAt ≤ now (read for contactLate): ${fmt(r.backlog)}`);
  const w = Math.max(...r.cases.map((c) => c.name.length));
  lines.push(`  ${"query".padEnd(w)}  aggregate p50 / p95 ms   naive p50 / p95 ms   speed-up`);
  for (const c of r.cases) {
    const agg = `${ms(c.aggP50)} / ${ms(c.aggP95)}`.padEnd(23);
    const naive = (c.naiveP50 === undefined ? "—" : `${ms(c.naiveP50)} / ${ms(c.naiveP95)}`).padEnd(19);
    lines.push(`  ${c.name.padEnd(w)}  ${agg}  ${naive}  ${c.speedup === undefined ? "—" : `${Math.round(c.speedup)}×`}`);
  }
  lines.push(`  aggregate = naive for every key and counter in the 3 paired queries: yes`);
  lines.push(`  counters summed over those queries: ${COUNTER_NAMES.map((n) => `${n} ${fmt(seen[n])}`).join(", ")}`);
  if (r.zeroCounters.length) lines.push(`  WARNING: counters zero in every query: ${r.zeroCounters.join(", ")}`);
  const t = targets(r);
  lines.push(`  target aggregate p95 ≤ ${P95_TARGET_MS} ms (worst of the 4 aggregate-side queries: ${ms(t.worstP95)} ms): ${t.p95Ok ? "PASS" : "FAIL"}${r.count >= 10_000_000 ? "" : " (the target is set for 10M)"}`);
  lines.push(`  target speed-up ≥ ${SPEEDUP_TARGET}× (lowest ${Math.round(t.minSpeedup)}×): ${t.speedupOk ? "PASS" : "FAIL"}`);
  console.log(lines.join("\n"));
}

function printSummary(results: SizeResult[]) {
  const out: string[] = [
    "\nsummary (Markdown):",
    "",
    "| tickets | load s | indexes s | rebuild s | DB MB | query | aggregate p50 / p95 ms | naive p50 / p95 ms | speed-up |",
    "|---:|---:|---:|---:|---:|---|---:|---:|---:|",
  ];
  for (const r of results) {
    for (const [i, c] of r.cases.entries()) {
      const head =
        i > 0 ? ["", "", "", "", ""]
        : r.reused ? [fmt(r.count), "reused", "reused", "reused", fmt(Math.round(r.dbMB))]
        : [fmt(r.count), secs(r.loadS), r.indexS === undefined ? "kept" : secs(r.indexS), secs(r.rebuildS), fmt(Math.round(r.dbMB))];
      const naive = c.naiveP50 === undefined ? "—" : `${ms(c.naiveP50)} / ${ms(c.naiveP95)}`;
      out.push(`| ${head.join(" | ")} | ${c.name} | ${ms(c.aggP50)} / ${ms(c.aggP95)} | ${naive} | ${c.speedup === undefined ? "—" : `${Math.round(c.speedup)}×`} |`);
    }
  }
  out.push("");
  for (const r of results) {
    const t = targets(r);
    out.push(
      `${fmt(r.count)} tickets: aggregate p95 ≤ ${P95_TARGET_MS} ms ${t.p95Ok ? "PASS" : "FAIL"} (worst ${ms(t.worstP95)} ms)${r.count >= 10_000_000 ? "" : " [target set for 10M]"}; ` +
        `speed-up ≥ ${SPEEDUP_TARGET}× ${t.speedupOk ? "PASS" : "FAIL"} (lowest ${Math.round(t.minSpeedup)}×)`,
    );
  }
  console.log(out.join("\n"));
}

// ─── main ──────────────────────────────────────────────────────────────────────────────────

async function child(size: number, dataDir: string) {
  const result = await runSize(size, dataDir);
  writeFileSync(path.join(dataDir, RESULT_FILE), JSON.stringify(result));
}

/** Runs one size in a child process; a SIGINT / SIGTERM here stops it and cleans up. */
function runChild(size: number, dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const run = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", fileURLToPath(import.meta.url)], {
      stdio: "inherit",
      env: { ...process.env, BENCH_CHILD_SIZE: String(size), BENCH_CHILD_DIR: dataDir },
    });
    const stop = (signal: NodeJS.Signals) => run.kill(signal);
    process.on("SIGINT", stop).on("SIGTERM", stop);
    run.on("error", reject);
    run.on("exit", (code, signal) => {
      process.off("SIGINT", stop).off("SIGTERM", stop);
      if (code === 0) resolve();
      else reject(new Error(`the ${fmt(size)}-ticket run failed (${signal ? `signal ${signal}` : `exit ${code}`})`));
    });
  });
}

async function parent() {
  for (const size of SIZES) if (!Number.isInteger(size) || size < 10_000) throw new Error(`BENCH_SIZES: "${size}" is not a ticket count ≥ 10000`);
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    const dataDir = KEEP ? path.join(KEEP, `metrics-${size}`) : mkdtempSync(path.join(tmpdir(), "jsjb-bench-metrics-"));
    mkdirSync(dataDir, { recursive: true });
    try {
      await runChild(size, dataDir);
      results.push(JSON.parse(readFileSync(path.join(dataDir, RESULT_FILE), "utf8")) as SizeResult);
    } finally {
      if (!KEEP) rmSync(dataDir, { recursive: true, force: true });
    }
  }
  printSummary(results);
}

if (process.env.BENCH_CHILD_SIZE && process.env.BENCH_CHILD_DIR) {
  child(Number(process.env.BENCH_CHILD_SIZE), process.env.BENCH_CHILD_DIR).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
} else {
  parent().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
