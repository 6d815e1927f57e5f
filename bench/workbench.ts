// npm run bench:workbench — the workbench queue against 1,000,000 tickets, on each engine of
// BENCH_ENGINES (bench/engines.ts; default SQLite then PostgreSQL), side by side.
//
// Prepares a fresh database per engine (migrations + organisation, no demo tickets; PostgreSQL a
// throw-away durable server), bulk-inserts BENCH_TICKETS (default 1,000,000) tickets through the
// query builder (many rows to an INSERT, 50,000 rows per transaction), spread over the brigades:
// a year of history, the older 90 % closed (a few replied / merged / invalid), the newest 10 %
// open (待派单, 待签收, 办理中) with their deadlines — so some are overdue, some near, most still
// running. Then ANALYZE (PostgreSQL: VACUUM ANALYZE), and times workbenchQueue for zq1.handler, 200 times each:
//   • the default page: tab counts + first page of 全部;
//   • the 超期 tab: tab counts + its first page.
// Prints p50 / p95 per call and the ticket count; target p95 ≤ 100 ms.
// Each engine runs in a child process (the DAL reads DATABASE_URL once).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type Insertable, sql as raw } from "kysely";
import type { DatabaseEngine } from "@/lib/env";
import type { Ticket } from "@/lib/generated/kysely/types";
import { openSql, type Sql } from "@/lib/sql";
import { ENGINE_LABEL, ENGINES, withDatabase } from "./engines";
import { prng } from "@/prisma/seed/prng";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BATCH = 50_000;
const ROWS_PER_INSERT = 250; // 36 columns: 9,000 parameters, within either engine's limit
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// BENCH_DATA_DIR: keep (or reuse) the generated SQLite database there instead of a temp folder.
const keep = process.env.BENCH_DATA_DIR;


const CATEGORIES = ["TRAFFIC_ORG", "CONGESTION", "ENFORCEMENT", "ACCIDENT", "SERVICE", "NON_POLICE"];
const TYPES = ["COMPLAINT", "REPORT", "HELP", "INQUIRY", "SUGGESTION", "PRAISE"] as const;
const TITLES = ["信号灯配时不合理", "路口拥堵严重", "违法停车占道", "事故处理进度咨询", "驾驶证换证预约", "道路标线不清"];
const PLACES = ["光岳路与东昌路交叉口", "柳园路口", "建设路中段", "东昌府区政府门口", "高速出口", "火车站广场"];

/** Ticket i of the generated year, as the query builder inserts it on either engine. */
function ticketRow(i: number, random: () => number, units: { id: string }[], start: number, perDay: Map<string, number>): Insertable<Ticket> {
  const receivedAt = start + Math.floor((i / TICKETS) * 365 * DAY);
  const day = new Date(receivedAt + 8 * HOUR).toISOString().slice(0, 10).replaceAll("-", "");
  const seq = (perDay.get(day) ?? 0) + 1;
  perDay.set(day, seq);
  const unit = units[Math.floor(random() * units.length)]!;
  const r = random();
  const open = i >= Math.floor(TICKETS * 0.9);
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
  const date = (t: number | null) => (t === null ? null : new Date(t));
  return {
    id: `bench${String(i).padStart(8, "0")}`,
    no: `${day}${String(seq).padStart(6, "0")}`,
    channel: "PHONE_12123",
    type: TYPES[i % TYPES.length]!,
    categoryCode: CATEGORIES[Math.floor(random() * CATEGORIES.length)]!,
    urgency: "NORMAL",
    grade: "NORMAL",
    title: TITLES[i % TITLES.length]!,
    content: "群众反映的问题，请核实处理。",
    district: "东城区",
    place: PLACES[Math.floor(random() * PLACES.length)]!,
    citizenPhone: `139${String(i).padStart(8, "0")}`,
    anonymous: false,
    status,
    ownerUnitId: unit.id,
    receivedAt: new Date(receivedAt),
    dispatchedAt: date(dispatched ? receivedAt + 0.2 * HOUR : null),
    signedAt: date(signed ? receivedAt + HOUR : null),
    firstContactAt: date(contacted ? receivedAt + 3 * HOUR : null),
    repliedAt: date(replied ? receivedAt + 2 * DAY : null),
    closedAt: date(status === "CLOSED" ? receivedAt + 3 * DAY : null),
    signDueAt: new Date(signDueAt),
    contactDueAt: new Date(contactDueAt),
    dueAt: new Date(dueAt),
    escalationAt: date(escalationAt),
    supervised: open && random() < 0.02,
    returnPending: false,
    returnCount: 0,
    extensionPending: false,
    extendedDays: 0,
    reopenCount: 0,
    callbackAttempts: 0,
    awaitingReview: false,
    version: 1,
    createdAt: new Date(receivedAt),
    updatedAt: new Date(receivedAt),
  };
}

async function generate(db: Sql, engine: DatabaseEngine): Promise<void> {
  const units = await db.selectFrom("Unit").select("id").where("kind", "=", "BRIGADE").orderBy("sortOrder").execute();
  const random = prng(20261124);
  const start = Date.now() - 365 * DAY;
  const perDay = new Map<string, number>();
  for (let from = 0; from < TICKETS; from += BATCH) {
    await db.transaction().execute(async (trx) => {
      for (let i = from; i < Math.min(TICKETS, from + BATCH); i += ROWS_PER_INSERT) {
        const rows = [];
        for (let j = i; j < Math.min(TICKETS, from + BATCH, i + ROWS_PER_INSERT); j++) rows.push(ticketRow(j, random, units, start, perDay));
        await trx.insertInto("Ticket").values(rows).execute();
      }
    });
  }
  // PostgreSQL: VACUUM too, so the visibility map lets the tab counts read the index alone, as
  // on a settled database (autovacuum gets there on its own, later).
  if (engine === "postgresql") await raw`VACUUM ANALYZE`.execute(db);
  else await raw`ANALYZE`.execute(db);
}

async function countTickets(db: Sql): Promise<number> {
  const { n } = await db.selectFrom("Ticket").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return Number(n);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Timing = { name: string; p50: number; p95: number };
type Result = { count: number; generatedIn: number | null; counts: unknown; pageRows: number; timings: Timing[] };

/** In a child process with DATABASE_URL set: generate (unless reused), then time the DAL. */
async function child(): Promise<Result> {
  const databaseUrl = process.env.DATABASE_URL!;
  // A bulk load: SQLite need not sync every batch (the figures timed below are reads).
  const { sql: db, close } = openSql(databaseUrl, ["synchronous = OFF", "cache_size = -262144"]);
  const reuse = process.env.BENCH_REUSE === "1";
  const started = performance.now();
  if (!reuse) await generate(db, databaseUrl.startsWith("file:") ? "sqlite" : "postgresql");
  const count = await countTickets(db);
  if (databaseUrl.startsWith("file:")) await raw`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  await close();
  const generatedIn = reuse ? null : (performance.now() - started) / 1000;

  const { db: prisma } = await import("@/lib/db");
  const { loadActor } = await import("@/lib/auth/actor");
  const { workbenchQueue } = await import("@/lib/dal/workbench");
  const { workbenchQuerySchema } = await import("@/lib/validation/workbench");
  const user = await prisma.user.findUniqueOrThrow({ where: { username: "zq1.handler" } });
  const actor = (await loadActor(user.id))!;

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
  await prisma.$disconnect();
  const { closeSql } = await import("@/lib/sql");
  await closeSql();
  return {
    count,
    generatedIn,
    counts: sample!.counts,
    pageRows: sample!.items.length,
    timings: cases.map((c, i) => {
      const sorted = [...timings[i]!].sort((a, b) => a - b);
      return { name: c.name, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
    }),
  };
}

function runEngine(engine: DatabaseEngine): Promise<Result> {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const dataDir = keep && engine === "sqlite" ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), "jsjb-bench-workbench-"));
  const reuse = !!keep && engine === "sqlite" && existsSync(path.join(dataDir, "app.db"));
  return withDatabase(engine, dataDir, async (databaseUrl) => {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO_DATA: "0", SCHEDULER: "0", BENCH_CHILD: "1", BENCH_REUSE: reuse ? "1" : "0" };
    try {
      if (!reuse) execFileSync(tsx, ["scripts/prepare-db.ts"], { env, stdio: "ignore" });
      const output = execFileSync(tsx, ["--conditions=react-server", "bench/workbench.ts"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
      return JSON.parse(output.trim().split("\n").at(-1)!) as Result;
    } finally {
      if (!(keep && engine === "sqlite")) rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

async function main() {
  let worst = 0;
  for (const engine of ENGINES) {
    console.error(`[bench] ${ENGINE_LABEL[engine]} …`);
    const r = await runEngine(engine);
    const generated = r.generatedIn === null ? "reused" : `generated in ${r.generatedIn.toFixed(1)} s`;
    console.log(`workbench benchmark on ${ENGINE_LABEL[engine]}: ${r.count.toLocaleString("en")} tickets (${generated}), zq1.handler, ${RUNS} runs each`);
    console.log(`  tab counts: ${JSON.stringify(r.counts)}; 全部 page 1: ${r.pageRows} rows`);
    for (const t of r.timings) {
      worst = Math.max(worst, t.p95);
      console.log(`  ${t.name}: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`);
    }
  }
  console.log(`target p95 ≤ 100 ms on every engine: ${worst <= 100 ? "met" : "NOT met"}`);
}

if (process.env.BENCH_CHILD === "1") {
  child().then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
