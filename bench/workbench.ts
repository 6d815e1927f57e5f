// npm run bench:workbench — the workbench queue against 1,000,000 tickets.
//
// Prepares a fresh database in a temp folder (migrations + organisation, no demo tickets), bulk-
// inserts BENCH_TICKETS (default 1,000,000) tickets on a raw better-sqlite3 connection (one
// prepared INSERT, 50,000 rows per transaction), spread over the brigades: a year of history,
// the older 90 % closed (a few replied / merged / invalid), the newest 10 % open (待派单,
// 待签收, 办理中) with their deadlines — so some are overdue, some near, most still running.
// Then ANALYZE, and times workbenchQueue for zq1.handler, 200 times each:
//   • the default page: tab counts + first page of 全部;
//   • the 超期 tab: tab counts + its first page.
// Prints p50 / p95 per call and the ticket count; target p95 ≤ 100 ms.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BATCH = 50_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// BENCH_DATA_DIR: keep (or reuse) the generated database there instead of a temp folder.
const keep = process.env.BENCH_DATA_DIR;
const dataDir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), "jsjb-bench-workbench-"));
process.env.DATA_DIR = dataDir;
process.env.DEMO_DATA = "0";
delete process.env.DATABASE_URL;
process.env.SCHEDULER = "0";

/** Small deterministic PRNG (mulberry32), so every run generates the same data. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ["TRAFFIC_ORG", "CONGESTION", "ENFORCEMENT", "ACCIDENT", "SERVICE", "NON_POLICE"];
const TYPES = ["COMPLAINT", "REPORT", "HELP", "INQUIRY", "SUGGESTION", "PRAISE"];
const TITLES = ["信号灯配时不合理", "路口拥堵严重", "违法停车占道", "事故处理进度咨询", "驾驶证换证预约", "道路标线不清"];
const PLACES = ["光岳路与东昌路交叉口", "柳园路口", "建设路中段", "东昌府区政府门口", "高速出口", "火车站广场"];

function generate(file: string): number {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  const units = sqlite.prepare(`SELECT "id", "code" FROM "Unit" WHERE "kind" = 'BRIGADE' ORDER BY "sortOrder"`).all() as { id: string; code: string }[];
  const columns = [
    "id", "no", "channel", "type", "categoryCode", "urgency", "grade", "title", "content", "district", "place", "citizenPhone",
    "anonymous", "status", "ownerUnitId", "receivedAt", "dispatchedAt", "signedAt", "firstContactAt", "repliedAt", "closedAt",
    "signDueAt", "contactDueAt", "dueAt", "escalationAt", "supervised", "returnPending", "returnCount", "extensionPending",
    "extendedDays", "reopenCount", "callbackAttempts", "awaitingReview", "version", "createdAt", "updatedAt",
  ];
  const insert = sqlite.prepare(`INSERT INTO "Ticket" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  const random = prng(20261124);
  const now = Date.now();
  const start = now - 365 * DAY;
  const perDay = new Map<string, number>();
  const openFrom = Math.floor(TICKETS * 0.9);

  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const receivedAt = start + Math.floor((i / TICKETS) * 365 * DAY);
      const day = new Date(receivedAt + 8 * HOUR).toISOString().slice(0, 10).replaceAll("-", "");
      const seq = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, seq);
      const unit = units[Math.floor(random() * units.length)]!;
      const r = random();
      const open = i >= openFrom;
      const status = open
        ? r < 0.05 ? "PENDING" : r < 0.4 ? "DISPATCHED" : "IN_PROGRESS"
        : r < 0.9 ? "CLOSED" : r < 0.95 ? "REPLIED" : r < 0.98 ? "MERGED" : "INVALID";
      const signDueAt = receivedAt + 2 * HOUR;
      const contactDueAt = receivedAt + DAY;
      const dueAt = receivedAt + (3 + Math.floor(random() * 13)) * DAY;
      const dispatched = status !== "PENDING" && status !== "INVALID" && status !== "MERGED";
      const signed = dispatched && status !== "DISPATCHED";
      const contacted = signed && (status !== "IN_PROGRESS" || random() < 0.9);
      const replied = status === "REPLIED" || status === "CLOSED";
      const escalationAt = !open ? null : status === "PENDING" || status === "DISPATCHED" ? signDueAt : contacted ? dueAt : contactDueAt;
      insert.run(
        `bench${String(i).padStart(8, "0")}`, `${day}${String(seq).padStart(6, "0")}`, "PHONE_12123", TYPES[i % TYPES.length],
        CATEGORIES[Math.floor(random() * CATEGORIES.length)], "NORMAL", "NORMAL", TITLES[i % TITLES.length], "群众反映的问题，请核实处理。",
        "东城区", PLACES[Math.floor(random() * PLACES.length)], `139${String(i).padStart(8, "0")}`, 0, status, unit.id, receivedAt,
        dispatched ? receivedAt + 0.2 * HOUR : null, signed ? receivedAt + HOUR : null, contacted ? receivedAt + 3 * HOUR : null,
        replied ? receivedAt + 2 * DAY : null, status === "CLOSED" ? receivedAt + 3 * DAY : null,
        signDueAt, contactDueAt, dueAt, escalationAt, open && random() < 0.02 ? 1 : 0, 0, 0, 0, 0, 0, 0, 0, 1, receivedAt, receivedAt,
      );
    }
  });
  for (let from = 0; from < TICKETS; from += BATCH) batch(from, Math.min(TICKETS, from + BATCH));
  sqlite.exec("ANALYZE");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const count = (sqlite.prepare(`SELECT count(*) AS n FROM "Ticket"`).get() as { n: number }).n;
  sqlite.close();
  return count;
}

function countTickets(file: string): number {
  const sqlite = new Database(file, { readonly: true });
  const count = (sqlite.prepare(`SELECT count(*) AS n FROM "Ticket"`).get() as { n: number }).n;
  sqlite.close();
  return count;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const file = path.join(dataDir, "app.db");
  const reuse = keep && existsSync(file);
  if (!reuse) execFileSync(tsx, ["scripts/prepare-db.ts"], { env: process.env, stdio: "ignore" });
  const started = performance.now();
  const count = reuse ? countTickets(file) : generate(file);
  const generatedIn = (performance.now() - started) / 1000;

  const { db } = await import("@/lib/db");
  const { loadActor } = await import("@/lib/auth/actor");
  const { workbenchQueue } = await import("@/lib/dal/workbench");
  const { workbenchQuerySchema } = await import("@/lib/validation/workbench");
  const user = await db.user.findUniqueOrThrow({ where: { username: "zq1.handler" } });
  const actor = (await loadActor(db, user.id))!;

  const cases = [
    { name: "default page (counts + 全部 page 1)", query: workbenchQuerySchema.parse({}) },
    { name: "超期 tab   (counts + 超期 page 1)", query: workbenchQuerySchema.parse({ tab: "overdue" }) },
  ];
  for (const c of cases) for (let i = 0; i < 10; i++) await workbenchQueue(actor, c.query); // warm-up

  const timings = cases.map(() => [] as number[]);
  let sample: Awaited<ReturnType<typeof workbenchQueue>> | undefined;
  for (let run = 0; run < RUNS; run++) {
    for (const [i, c] of cases.entries()) {
      const t0 = performance.now();
      const result = await workbenchQueue(actor, c.query);
      timings[i]!.push(performance.now() - t0);
      if (i === 0) sample = result;
    }
  }

  console.log(`workbench benchmark: ${count.toLocaleString("en")} tickets (generated in ${generatedIn.toFixed(1)} s), zq1.handler, ${RUNS} runs each`);
  console.log(`  tab counts: ${JSON.stringify(sample!.counts)}; 全部 page 1: ${sample!.items.length} rows`);
  let worst = 0;
  for (const [i, c] of cases.entries()) {
    const sorted = [...timings[i]!].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    worst = Math.max(worst, p95);
    console.log(`  ${c.name}: p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  }
  console.log(`  target p95 ≤ 100 ms: ${worst <= 100 ? "met" : "NOT met"}`);
  await db.$disconnect();
  if (!keep) rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  if (!keep) rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
});
