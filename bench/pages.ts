// npm run bench:pages — what a leader and an officer feel (issue #15): every main page loaded
// through HTTP from the production server, signed in as each role through the real sign-in, with
// 1 and 4 concurrent users, at 1,000,000 and 10,000,000 tickets on SQLite and on PostgreSQL 15.
//
// For each size in BENCH_SIZES and engine in BENCH_ENGINES it prepares a database (migrations +
// organisation + demo accounts, no demo tickets) and bulk-loads bench:metrics's tickets (bench/
// metrics-tickets.ts, bench/metrics-load.ts: 2024-01-01 → now, 99 % finished, the newest 1 % open),
// then serves it with `npm start`'s own script (scripts/start.ts: builds first if the build is
// stale) on a free loopback port. The citizen submits two complaints as the public form does
// (bench/submit-complaints.ts: 我的诉求, and a ticket page with a history), then every page is loaded:
//   handler  zq1.handler  /workbench (我的待办), 超期, search by place, a ticket page;
//   dispatcher           /workbench (all units), /console;
//   manager              /dashboard (year, month, one unit, custom range), a drill-down list,
//                        /hot-issues, /reports;
//   citizen              /my;  anonymous  /open (public rates).
// Each page: 3 warm-up loads, then BENCH_RUNS loads by one user, then BENCH_RUNS loads by each of
// 4 users at once; p50 / p95 / p99 of both, the HTML's bytes, and (BENCH_BROWSER=0 skips it) how
// many requests a real Chromium fires in the background within 2 s of opening the page (Next's
// link prefetches). Every load must answer 200 (else the run fails).
// Targets (PASS/FAIL, exit code 0 either way): p95 ≤ 100 ms with 4 users, HTML ≤ 100 KB, fewer
// than 10 background requests on open.
//
// Env: BENCH_ENGINES (sqlite,postgresql), BENCH_SIZES (1000000,10000000), BENCH_RUNS (20),
// BENCH_DATA_DIR (keep the loaded databases in BENCH_DATA_DIR/pages-<size>-<engine>/ and reuse
// them: SQLite's file, PostgreSQL's whole server folder), BENCH_BROWSER (1).
// Disk: as bench:metrics — about 0.7 GB per million tickets per engine, plus 3 GB for PostgreSQL's WAL.
import { execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import type { DatabaseEngine } from "@/lib/env";
import { freePort, query, startPostgres } from "@/tests/support/postgres";
import { ENGINE_LABEL, ENGINES } from "./engines";
import { anonymous, signIn, type HttpUser } from "./http-user";
import { loadPostgres, loadSqlite } from "./metrics-load";
import { localDate } from "./metrics-tickets";
import { BENCH_SERVER_ENV } from "./sample-ticket";
import { startProductionServer, stopProductionServer } from "./server";

const SIZES = (process.env.BENCH_SIZES ?? "1000000,10000000").split(",").map((s) => Number(s.trim().replaceAll("_", "")));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const KEEP = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined;
const BROWSER = process.env.BENCH_BROWSER !== "0";
const USERS = 4;
const P95_TARGET_MS = 100;
const HTML_TARGET_BYTES = 100 * 1024;
const BACKGROUND_TARGET = 10;
const COMPLETE_FILE = "pages-bench-complete";
const STAFF_PASSWORD = "demo123456";
const CITIZEN = { username: "13800000000", password: "citizen123" };

type Get = HttpUser["get"];
type PageCase = { name: string; path: string; get: Get; cookie?: string };
type PageResult = {
  name: string;
  path: string;
  bytes: number;
  one: { p50: number; p95: number; p99: number };
  four: { p50: number; p95: number; p99: number };
  background?: number;
};
type RunResult = { engine: DatabaseEngine; size: number; reused: boolean; pages: PageResult[]; loadAvg: [number, number] };

const fmt = (n: number) => n.toLocaleString("en");
const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const log = (size: number, engine: DatabaseEngine, message: string) => process.stderr.write(`[pages ${fmt(size)} ${ENGINE_LABEL[engine]}] ${message}\n`);

function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

// ─── the database ──────────────────────────────────────────────────────────────────────────

/**
 * Ticket numbers continue after the loaded ones: the loader writes tickets, not the per-day
 * sequence rows the intake numbers from (lib/dal/ticket-numbers.ts).
 */
const SEQUENCES_SQL = `INSERT INTO "TicketSequence" ("day", "last")
  SELECT substr("no", 1, 8), max(CAST(substr("no", 9) AS INTEGER)) FROM "Ticket" WHERE "no" >= $1 GROUP BY 1
  ON CONFLICT ("day") DO UPDATE SET "last" = excluded."last"`;

async function continueNumbering(engine: DatabaseEngine, databaseUrl: string, from: string) {
  if (engine === "postgresql") {
    await query(databaseUrl, SEQUENCES_SQL.replace("$1", `'${from}'`)); // from: digits only (localDate)
    return;
  }
  const sqlite = new Database(databaseUrl.replace(/^file:/, ""));
  try {
    sqlite.prepare(SEQUENCES_SQL.replace("$1", "?")).run(from);
  } finally {
    sqlite.close();
  }
}

/**
 * The app's DATA_DIR (secrets, logs; SQLite's file). The app makes it private (0700), so
 * PostgreSQL's server, running as its own user, lives beside it rather than inside.
 */
const appDataDir = (engine: DatabaseEngine, dataDir: string) => (engine === "sqlite" ? dataDir : path.join(dataDir, "app"));

type Served = { databaseUrl: string; reused: boolean; stop: () => void };

/** The database of `size` tickets on `engine`, loaded afresh or reused from BENCH_DATA_DIR. */
async function database(size: number, engine: DatabaseEngine, dataDir: string, now: number): Promise<Served> {
  const say = (message: string) => log(size, engine, message);
  const complete = path.join(dataDir, COMPLETE_FILE);
  const reused = existsSync(complete);
  const postgres = engine === "postgresql" ? await startPostgres({ durable: true, sharedBuffers: "1GB", dir: KEEP ? path.join(dataDir, "postgres") : undefined }) : null;
  const databaseUrl = postgres ? postgres.url.replace(/\/postgres$/, "/jsjb_bench") : `file:${path.join(dataDir, "app.db")}`;
  const stop = () => postgres?.stop();
  try {
    if (reused) say(`reusing the database in ${dataDir}`);
    else {
      if (postgres) {
        await query(postgres.url, `DROP DATABASE IF EXISTS "jsjb_bench"`);
        await postgres.createDatabase("jsjb_bench");
      } else for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(dataDir, `app.db${suffix}`), { force: true });
      say("preparing a fresh database");
      execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/prepare-db.ts"], {
        env: { ...process.env, DATA_DIR: appDataDir(engine, dataDir), DATABASE_URL: databaseUrl, DEMO_DATA: "0" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      const options = { size, now, dropIndexes: true, log: say };
      if (engine === "sqlite") await loadSqlite(path.join(dataDir, "app.db"), options);
      else await loadPostgres(databaseUrl, options);
      writeFileSync(complete, `${size}\n`);
    }
    await continueNumbering(engine, databaseUrl, localDate(now - 2 * 24 * 3_600_000).replaceAll("-", ""));
    return { databaseUrl, reused, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

// ─── the pages ─────────────────────────────────────────────────────────────────────────────

/** The citizen's two complaints (bench/submit-complaints.ts); their numbers. */
function submitComplaints(databaseUrl: string, dataDir: string): string[] {
  const out = execFileSync(process.execPath, ["node_modules/.bin/tsx", "--conditions=react-server", "bench/submit-complaints.ts", CITIZEN.username], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SCHEDULER: "0", NIGHTLY_TRAINING: "0" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as string[];
}

/** The first drill-down link of a dashboard page (a leader's first click). */
function firstDrilldown(html: string): string {
  const match = /href="(\/dashboard\/tickets\?[^"]+)"/.exec(html);
  if (!match) throw new Error("the dashboard shows no drill-down link");
  return match[1]!.replaceAll("&amp;", "&");
}

async function pageCases(origin: string, now: number, complaint: string): Promise<PageCase[]> {
  const handler = await signIn(origin, "zq1.handler", STAFF_PASSWORD);
  const dispatcher = await signIn(origin, "dispatcher", STAFF_PASSWORD);
  const manager = await signIn(origin, "manager", STAFF_PASSWORD);
  const citizen = await signIn(origin, CITIZEN.username, CITIZEN.password);
  const today = localDate(now);
  const year = today.slice(0, 4);
  const dashboard = await manager.get(`/dashboard?kind=year&at=${year}-01-01`);
  const as = (user: HttpUser) => ({ get: user.get, cookie: user.cookie });
  return [
    { name: "工作台 我的待办 (handler)", path: "/workbench", ...as(handler) },
    { name: "工作台 超期 (handler)", path: "/workbench?tab=overdue", ...as(handler) },
    { name: "工作台 搜索地点 (handler)", path: `/workbench?tab=all&q=${encodeURIComponent("柳园路口")}`, ...as(handler) },
    { name: "工单页 (handler)", path: `/tickets/${complaint}`, ...as(handler) },
    { name: "工作台 全部单位 (dispatcher)", path: "/workbench", ...as(dispatcher) },
    { name: "受理台 (dispatcher)", path: "/console", ...as(dispatcher) },
    { name: "驾驶舱 本年 (manager)", path: `/dashboard?kind=year&at=${year}-01-01`, ...as(manager) },
    { name: "驾驶舱 本月 (manager)", path: `/dashboard?kind=month&at=${today}`, ...as(manager) },
    { name: "驾驶舱 一个单位 (manager)", path: `/dashboard?kind=year&at=${year}-01-01&unit=ZQ1`, ...as(manager) },
    { name: "驾驶舱 自定义 (manager)", path: `/dashboard?kind=custom&from=2025-03-01&to=2025-08-31`, ...as(manager) },
    { name: "下钻清单 (manager)", path: firstDrilldown(dashboard.body), ...as(manager) },
    { name: "热点问题 (manager)", path: "/hot-issues", ...as(manager) },
    { name: "报表 (manager)", path: "/reports", ...as(manager) },
    { name: "我的诉求 (citizen)", path: "/my", ...as(citizen) },
    { name: "公开数据 (public)", path: "/open", get: anonymous(origin) },
  ];
}

async function timeLoads(page: PageCase, runs: number): Promise<{ times: number[]; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const response = await page.get(page.path);
    times.push(performance.now() - t0);
    if (response.status !== 200) throw new Error(`${page.name} ${page.path}: HTTP ${response.status}`);
    bytes = response.bytes;
  }
  return { times, bytes };
}

/** Requests a real browser fires by itself within 2 s of opening the page (link prefetches). */
async function backgroundRequests(origin: string, pages: PageCase[]): Promise<Map<string, number>> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const counts = new Map<string, number>();
  try {
    for (const page of pages) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      if (page.cookie) {
        await context.addCookies(
          page.cookie.split("; ").map((pair) => {
            const at = pair.indexOf("=");
            return { name: pair.slice(0, at), value: pair.slice(at + 1), url: origin };
          }),
        );
      }
      const tab = await context.newPage();
      let opened = false;
      let background = 0;
      tab.on("request", (request) => {
        if (opened && request.resourceType() === "fetch") background++;
      });
      await tab.goto(`${origin}${page.path}`, { waitUntil: "load" });
      opened = true;
      await tab.waitForTimeout(2000);
      counts.set(page.name, background);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return counts;
}

async function runOne(size: number, engine: DatabaseEngine, now: number): Promise<RunResult> {
  const say = (message: string) => log(size, engine, message);
  const dataDir = KEEP ? path.join(KEEP, `pages-${size}-${engine}`) : mkdtempSync(path.join(tmpdir(), "jsjb-pages-"));
  mkdirSync(dataDir, { recursive: true });
  const db = await database(size, engine, dataDir, now);
  let server: ChildProcess | undefined;
  try {
    const port = await freePort();
    say(`starting the production server on port ${port}`);
    const appDir = appDataDir(engine, dataDir);
    server = await startProductionServer(
      { ...process.env, DATA_DIR: appDir, DATABASE_URL: db.databaseUrl, DEMO_DATA: "0", SCHEDULER: "0", NIGHTLY_TRAINING: "0", NODE_ENV: "production", ...BENCH_SERVER_ENV },
      port,
    );
    const origin = `http://127.0.0.1:${port}`;
    const [complaint] = submitComplaints(db.databaseUrl, appDir);
    const pages = await pageCases(origin, now, complaint!);
    const loadAtStart = loadavg()[0]!;
    const results: PageResult[] = [];
    for (const page of pages) {
      await timeLoads(page, 3);
      const one = await timeLoads(page, RUNS);
      const four = await Promise.all(Array.from({ length: USERS }, () => timeLoads(page, RUNS)));
      const result = { name: page.name, path: page.path, bytes: one.bytes, one: percentiles(one.times), four: percentiles(four.flatMap((r) => r.times)) };
      say(`${page.name}: 1 user p95 ${ms(result.one.p95)} ms; ${USERS} users p95 ${ms(result.four.p95)} ms; ${kb(result.bytes)}`);
      results.push(result);
    }
    const loadAtEnd = loadavg()[0]!;
    if (BROWSER) {
      say("counting background requests in Chromium");
      const counts = await backgroundRequests(origin, pages);
      for (const result of results) result.background = counts.get(result.name);
    }
    return { engine, size, reused: db.reused, pages: results, loadAvg: [loadAtStart, loadAtEnd] };
  } finally {
    if (server) await stopProductionServer(server);
    db.stop();
    if (!KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
}

// ─── report ────────────────────────────────────────────────────────────────────────────────

function verdicts(page: PageResult): string[] {
  const failed: string[] = [];
  if (page.four.p95 > P95_TARGET_MS) failed.push(`p95 ${ms(page.four.p95)} ms > ${P95_TARGET_MS} ms`);
  if (page.bytes > HTML_TARGET_BYTES) failed.push(`HTML ${kb(page.bytes)} > 100 KB`);
  if ((page.background ?? 0) >= BACKGROUND_TARGET) failed.push(`${page.background} background requests`);
  return failed;
}

function print(run: RunResult) {
  const lines = [
    "",
    `${ENGINE_LABEL[run.engine]} · ${fmt(run.size)} tickets${run.reused ? " (database reused)" : ""} · ${RUNS} loads per user · load average ${run.loadAvg[0].toFixed(2)} → ${run.loadAvg[1].toFixed(2)}`,
    `| page | 1 user p50 / p95 / p99 | ${USERS} users p50 / p95 / p99 | HTML | background | verdict |`,
    "|---|---|---|---|---|---|",
  ];
  for (const page of run.pages) {
    const failed = verdicts(page);
    lines.push(
      `| ${page.name} | ${ms(page.one.p50)} / ${ms(page.one.p95)} / ${ms(page.one.p99)} ms | ${ms(page.four.p50)} / ${ms(page.four.p95)} / ${ms(page.four.p99)} ms | ${kb(page.bytes)} | ${page.background ?? "—"} | ${failed.length ? `FAIL: ${failed.join(", ")}` : "PASS"} |`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function main() {
  const now = Date.now();
  const runs: RunResult[] = [];
  for (const size of SIZES) {
    for (const engine of ENGINES) {
      const run = await runOne(size, engine, now);
      print(run);
      runs.push(run);
    }
  }
  const failures = runs.flatMap((run) => run.pages.filter((page) => verdicts(page).length).map((page) => `${ENGINE_LABEL[run.engine]} ${fmt(run.size)}: ${page.name}`));
  process.stdout.write(`\n${failures.length ? `FAIL (${failures.length}): ${failures.join("; ")}` : "PASS: every page within the targets"}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
