// npm run bench:faults — the fault figures of issue 9, measured in one run on this machine:
//   1. import beside traffic: a 50,000-row `npm run cli -- import` against the serving database
//      while 10 reads/s and 10 writes/s go to the server — p50/p99 of each, errors, import time;
//   2. WAL under load: 30 s of full-speed intake (autocannon, 20 connections) — the WAL's peak
//      size, and its size 5 s after the load stops;
//   3. online backup: `npm run cli -- backup` of a 1,000,000-ticket database while 10 writes/s
//      go on — time and size; then `restore` into an empty site and the restored ticket count
//      against the tickets acknowledged (201) before the backup started;
//   4. kill -9 mid-delivery: 300 tickets queue their 受理 SMS, the server is killed while the
//      outbox delivers them, restarted, and the deliveries per notice are counted from the
//      logging sender's lines — duplicates, and notices still waiting for their claim's lease.
//
// Env: BENCH_PARTS (default "1,2,3,4"), BENCH_PORT (default 3320), BENCH_SECONDS (the WAL run, default 30), BENCH_IMPORT_ROWS
// (default 50000), BENCH_BACKUP_TICKETS (default 1000000; 0 skips part 3), BENCH_DATA_DIR (keep the
// 1M database there and reuse it). Servers run the production build through scripts/start.ts.
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { BENCH_SERVER_ENV, SAMPLE_TICKET } from "./sample-ticket";
import Database from "better-sqlite3";
import { generateImportCsv } from "./import-speed";

const PORT = Number(process.env.BENCH_PORT ?? 3320);
const WAL_SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const BACKUP_TICKETS = Number(process.env.BENCH_BACKUP_TICKETS ?? 1_000_000);
/** BENCH_PARTS=4 (or "1,3", …) runs only those parts; 1 and 2 share a server and run together. */
const PARTS = new Set((process.env.BENCH_PARTS ?? "1,2,3,4").split(",").map((p) => p.trim()));
const KEEP = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined;
const tsx = path.resolve("node_modules/.bin/tsx");
const base = `http://localhost:${PORT}`;
const MB = 1024 * 1024;


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stderr.write(`[bench:faults] ${line}\n`);

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (v: number) => `${v.toFixed(0)} ms`;

// ─── Servers ────────────────────────────────────────────────────────────────

type Server = { process: ChildProcess; lines: string[]; env: NodeJS.ProcessEnv };

function serverEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // The database is the one under DATA_DIR, whatever .env says.
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  return { ...inherited, PORT: String(PORT), DATA_DIR: dataDir, DEMO_DATA: "0", NEXT_TELEMETRY_DISABLED: "1", ...BENCH_SERVER_ENV, ...extra };
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(tsx, ["scripts/start.ts"], { env, stdio: ["ignore", "ignore", "pipe"], detached: true });
  const lines: string[] = [];
  let rest = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split("\n");
    rest = parts.pop() ?? "";
    lines.push(...parts);
  });
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${lines.slice(-20).join("\n")}`);
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return { process: child, lines, env };
    } catch {
      // not up yet
    }
    await sleep(1000);
  }
  throw new Error("server did not start");
}

async function stopServer(server: Server, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  process.kill(-server.process.pid!, signal);
  await exited;
}

function token(env: NodeJS.ProcessEnv): string {
  return execFileSync(tsx, ["--conditions=react-server", "cli/index.ts", "token", "--user", "dispatcher"], { env, encoding: "utf8" }).trim().split("\n").at(-1)!;
}

const post = (auth: string) => ({
  method: "POST",
  headers: { "content-type": "application/json", authorization: `Bearer ${auth}` },
  body: JSON.stringify(SAMPLE_TICKET),
});

/** Paced traffic (open loop): `perSecond` calls of `call` a second until stopped; latencies and failures. */
function pace(perSecond: number, call: () => Promise<Response>) {
  const latencies: number[] = [];
  const failures: string[] = [];
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const started = performance.now();
    const request = call()
      .then(async (response) => {
        latencies.push(performance.now() - started);
        if (!response.ok) failures.push(`${response.status} ${(await response.text()).slice(0, 120)}`);
        else await response.arrayBuffer();
      })
      .catch((error: unknown) => {
        failures.push(String(error));
      })
      .finally(() => pending.delete(request));
    pending.add(request);
  }, 1000 / perSecond);
  return {
    latencies,
    failures,
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
    },
  };
}

function walBytes(dataDir: string): number {
  try {
    return statSync(path.join(dataDir, "app.db-wal")).size;
  } catch {
    return 0;
  }
}

// ─── 1 + 2: import beside traffic, WAL under full-speed intake ─────────────

async function importAndWal() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jsjb-bench-faults-"));
  const server = await startServer(serverEnv(dataDir));
  try {
    const auth = token(server.env);
    const file = path.join(dataDir, "batch.csv");
    writeFileSync(file, generateImportCsv(IMPORT_ROWS, `FAULT-${Date.now().toString(36)}-`));
    // Warm the routes first, so the figures are the import's, not the first compile's.
    for (let i = 0; i < 20; i++) {
      await fetch(`${base}/api/v1/tickets`, post(auth));
      await fetch(`${base}/api/v1/tickets?pageSize=20`, { headers: { authorization: `Bearer ${auth}` } });
    }

    log(`importing ${IMPORT_ROWS} rows beside 10 reads/s + 10 writes/s`);
    const reads = pace(10, () => fetch(`${base}/api/v1/tickets?pageSize=20`, { headers: { authorization: `Bearer ${auth}` } }));
    const writes = pace(10, () => fetch(`${base}/api/v1/tickets`, post(auth)));
    const started = performance.now();
    const { stdout } = await promisify(execFile)(tsx, ["--conditions=react-server", "cli/index.ts", "import", file], { env: server.env, maxBuffer: 64 * MB });
    const importSeconds = (performance.now() - started) / 1000;
    await sleep(1000); // traffic right after the commit counts too
    await Promise.all([reads.stop(), writes.stop()]);
    const imported = JSON.parse(stdout) as { imported: number };

    console.log(`1. import beside traffic (${IMPORT_ROWS.toLocaleString("en")} rows, CLI, one all-or-nothing transaction)`);
    console.log(`   import: ${imported.imported.toLocaleString("en")} rows in ${importSeconds.toFixed(1)} s`);
    console.log(`   reads  GET  /api/v1/tickets: ${reads.latencies.length} requests, p50 ${ms(percentile(reads.latencies, 50))}, p99 ${ms(percentile(reads.latencies, 99))}, max ${ms(Math.max(...reads.latencies))} (target p99 ≤ 250 ms)`);
    console.log(`   writes POST /api/v1/tickets: ${writes.latencies.length} requests, p50 ${ms(percentile(writes.latencies, 50))}, p99 ${ms(percentile(writes.latencies, 99))}, max ${ms(Math.max(...writes.latencies))}`);
    console.log(`   errors: ${reads.failures.length + writes.failures.length}${[...reads.failures, ...writes.failures].slice(0, 3).map((f) => `\n     ${f}`).join("")} (target 0)`);

    log(`${WAL_SECONDS} s of full-speed intake`);
    await sleep(2000);
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, walBytes(dataDir))), 50);
    const load = await autocannon({ url: `${base}/api/v1/tickets`, connections: 20, duration: WAL_SECONDS, ...post(auth), method: "POST" });
    clearInterval(sampler);
    await sleep(5000);
    console.log(`2. WAL under ${WAL_SECONDS} s of full-speed intake (autocannon, 20 connections)`);
    console.log(`   intake: ${(load["2xx"] / WAL_SECONDS).toFixed(0)} tickets/s, p99 ${load.latency.p99} ms, non-2xx ${load.non2xx + load.errors}`);
    console.log(`   WAL peak ${(peak / MB).toFixed(1)} MB (target ≤ 64 MB); 5 s after the load: ${(walBytes(dataDir) / MB).toFixed(1)} MB`);
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ─── 3: online backup of a large database under write load ─────────────────

function countTickets(file: string): number {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare(`SELECT count(*) AS n FROM "Ticket"`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

/** A database of `size` tickets, from bench:metrics's generator (kept in BENCH_DATA_DIR when set). */
function largeDatabase(size: number): { dir: string; temporary: boolean } {
  const keep = KEEP ?? mkdtempSync(path.join(tmpdir(), "jsjb-bench-faults-large-"));
  const dir = path.join(keep, `metrics-${size}`);
  const file = path.join(dir, "app.db");
  if (existsSync(file) && countTickets(file) >= size) {
    continueNumbering(file);
    return { dir, temporary: false };
  }
  log(`generating ${size.toLocaleString("en")} tickets with bench:metrics's loader (once; BENCH_DATA_DIR keeps it)`);
  execFileSync(tsx, ["--conditions=react-server", "bench/metrics.ts"], {
    env: { ...process.env, BENCH_SIZES: String(size), BENCH_DATA_DIR: keep, BENCH_RUNS: "3", BENCH_NAIVE_RUNS: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  continueNumbering(file);
  return { dir, temporary: !KEEP };
}

/** bench:metrics's loader writes ticket numbers without the day counters; intake continues after them. */
function continueNumbering(file: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.exec(`INSERT INTO "TicketSequence" ("day", "last")
      SELECT substr("no", 1, 8), max(CAST(substr("no", 9) AS INTEGER)) FROM "Ticket" WHERE true GROUP BY 1
      ON CONFLICT ("day") DO UPDATE SET "last" = max("last", excluded."last")`);
  } finally {
    sqlite.close();
  }
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

async function backupUnderLoad() {
  if (BACKUP_TICKETS === 0) return;
  const { dir, temporary } = largeDatabase(BACKUP_TICKETS);
  const backupDir = path.join(mkdtempSync(path.join(tmpdir(), "jsjb-bench-backup-")), "backup");
  const restoredDir = mkdtempSync(path.join(tmpdir(), "jsjb-bench-restored-"));
  const server = await startServer(serverEnv(dir, { SCHEDULER: "0" }));
  try {
    const auth = token(server.env);
    const acknowledged: { no: string; at: number }[] = [];
    const writes = pace(10, async () => {
      const response = await fetch(`${base}/api/v1/tickets`, post(auth));
      if (response.status === 201) acknowledged.push({ no: ((await response.clone().json()) as { no: string }).no, at: Date.now() });
      return response;
    });
    await sleep(3000);
    const startedAt = Date.now();
    const started = performance.now();
    await promisify(execFile)(tsx, ["--conditions=react-server", "cli/index.ts", "backup", backupDir], { env: server.env, maxBuffer: 16 * MB });
    const seconds = (performance.now() - started) / 1000;
    await sleep(2000);
    await writes.stop();
    const before = acknowledged.filter((a) => a.at < startedAt).map((a) => a.no);

    execFileSync(tsx, ["--conditions=react-server", "cli/index.ts", "restore", backupDir], {
      env: { ...server.env, DATA_DIR: restoredDir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const restored = new Database(path.join(restoredDir, "app.db"), { readonly: true });
    const present = new Set(
      (restored.prepare(`SELECT "no" FROM "Ticket" WHERE "no" IN (SELECT value FROM json_each(?))`).all(JSON.stringify(before)) as { no: string }[]).map((r) => r.no),
    );
    const restoredCount = (restored.prepare(`SELECT count(*) AS n FROM "Ticket"`).get() as { n: number }).n;
    restored.close();

    console.log(`3. online backup of a ${BACKUP_TICKETS.toLocaleString("en")}-ticket database under 10 writes/s`);
    console.log(`   backup: ${seconds.toFixed(1)} s, ${(folderBytes(backupDir) / MB).toFixed(0)} MB; writes during it: ${writes.latencies.length} requests, p99 ${ms(percentile(writes.latencies, 99))}, errors ${writes.failures.length}${writes.failures.slice(0, 3).map((f) => `\n     ${f}`).join("")}`);
    console.log(`   restored: ${restoredCount.toLocaleString("en")} tickets; acknowledged before the backup started: ${before.length}, of them in the restored copy: ${present.size} (target: all)`);
  } finally {
    await stopServer(server);
    rmSync(path.dirname(backupDir), { recursive: true, force: true });
    rmSync(restoredDir, { recursive: true, force: true });
    if (temporary) rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

// ─── 4: kill -9 while the outbox delivers ──────────────────────────────────

type Delivery = { ticket: string; template: string };

function deliveries(lines: string[]): Delivery[] {
  return lines.flatMap((line) => {
    if (!line.includes("notification sent")) return [];
    try {
      const entry = JSON.parse(line) as { ticket?: string; template?: string };
      return entry.ticket ? [{ ticket: entry.ticket, template: entry.template ?? "" }] : [];
    } catch {
      return [];
    }
  });
}

async function killMidDelivery() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jsjb-bench-kill-"));
  let server = await startServer(serverEnv(dataDir, { SCHEDULER: "0" }));
  const before: string[] = [];
  try {
    const auth = token(server.env);
    const tickets = 300;
    // Queue the notices faster than one outbox round (every 5 s) delivers them.
    for (let i = 0; i < tickets; i += 20) await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/api/v1/tickets`, post(auth))));
    // The outbox runs every 5 s; kill the server as soon as it has delivered some of them.
    for (let i = 0; i < 3000 && deliveries(server.lines).length < 20; i++) await sleep(5);
    before.push(...server.lines);
    await stopServer(server, "SIGKILL");
    const sentBeforeKill = deliveries(before).length;

    server = await startServer(server.env);
    const db = new Database(path.join(dataDir, "app.db"), { readonly: true });
    const waiting = () => (db.prepare(`SELECT count(*) AS n FROM "Notification" WHERE "status" = 'PENDING'`).get() as { n: number }).n;
    for (let i = 0; i < 120 && waiting() > 0; i++) await sleep(500);
    const inFlight = (db.prepare(`SELECT count(*) AS n FROM "Notification" WHERE "status" = 'SENDING'`).get() as { n: number }).n;
    const notices = (db.prepare(`SELECT count(*) AS n FROM "Notification"`).get() as { n: number }).n;
    db.close();

    const all = [...deliveries(before), ...deliveries(server.lines)];
    const perNotice = new Map<string, number>();
    for (const d of all) perNotice.set(`${d.ticket}/${d.template}`, (perNotice.get(`${d.ticket}/${d.template}`) ?? 0) + 1);
    const duplicates = [...perNotice.values()].reduce((sum, n) => sum + (n - 1), 0);
    console.log(`4. kill -9 mid-delivery (${tickets} tickets, ${notices} notices)`);
    console.log(`   delivered before the kill: ${sentBeforeKill}; after the restart: ${all.length - sentBeforeKill}; notices sent more than once: ${duplicates} (target ≤ 1)`);
    console.log(`   left claimed by the killed process (re-sent once after the 5-minute lease): ${inFlight}`);
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  mkdirSync(tmpdir(), { recursive: true });
  console.log(`bench:faults — ${new Date().toISOString()}, load average ${loadavg()[0]!.toFixed(2)}`);
  if (PARTS.has("1") || PARTS.has("2")) await importAndWal();
  if (PARTS.has("4")) await killMidDelivery();
  if (PARTS.has("3")) await backupUnderLoad();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
