// npm run bench:intake — intake throughput against the framework's ceiling, in one run.
//
// Starts the production server (same start script as `npm start`) on its own port and a fresh
// database, then loads with autocannon (20 connections):
//   1. POST /api/bench/echo    — a route that only parses JSON and answers 201 (the ceiling);
//   2. POST /api/v1/tickets     — a real intake: token check, validation, routing, deadlines,
//                                 ticket + events + outbox in one transaction.
// The two alternate (echo, intake, echo, intake) so a noisy moment hits both. Prints the
// throughputs, their ratio and p99 latency; target: intake ≥ 0.5 × echo (STACK.md).
// Then times the 12345 importer on a generated 10,000-row file; target ≥ 2,000 rows/s.
// On each engine of BENCH_ENGINES (bench/engines.ts; default SQLite then PostgreSQL), each on a
// fresh database, and the figures side by side at the end.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type { DatabaseEngine } from "@/lib/env";
import { ENGINE_LABEL, ENGINES, withDatabase } from "./engines";
import { BENCH_SERVER_ENV, SAMPLE_TICKET } from "./sample-ticket";
import { startProductionServer, stopProductionServer } from "./server";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const tsx = path.resolve("node_modules/.bin/tsx");


async function load(url: string, headers: Record<string, string>) {
  const result = await autocannon({
    url,
    method: "POST",
    connections: 20,
    duration: DURATION_S,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(SAMPLE_TICKET),
  });
  const ok = result["2xx"];
  return { rps: ok / DURATION_S, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

type Load = Awaited<ReturnType<typeof load>>;
type Figures = { echo: number; intake: number; echoP99: number; intakeP99: number; errors: number; importRows: number; importSeconds: number; importRate: number };

/** Intake against the bare route on a server over `databaseUrl`. */
async function intakeFigures(databaseUrl: string, dataDir: string) {
  const env = { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO_DATA: "0", BENCH_ROUTES: "1", NEXT_TELEMETRY_DISABLED: "1", ...BENCH_SERVER_ENV };
  const server = await startProductionServer(env, PORT);
  try {
    const token = execFileSync(tsx, ["--conditions=react-server", "cli/index.ts", "token", "--user", "dispatcher"], { env, encoding: "utf8" })
      .trim()
      .split("\n")
      .at(-1)!;
    const base = `http://localhost:${PORT}`;
    await load(`${base}/api/bench/echo`, {}); // warm-up: JIT and caches for both routes
    await load(`${base}/api/v1/tickets`, { authorization: `Bearer ${token}` });

    const runs = { echo: [] as Load[], intake: [] as Load[] };
    for (let round = 0; round < 2; round++) {
      runs.echo.push(await load(`${base}/api/bench/echo`, {}));
      runs.intake.push(await load(`${base}/api/v1/tickets`, { authorization: `Bearer ${token}` }));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      echo: mean(runs.echo.map((r) => r.rps)),
      intake: mean(runs.intake.map((r) => r.rps)),
      echoP99: Math.max(...runs.echo.map((r) => r.p99)),
      intakeP99: Math.max(...runs.intake.map((r) => r.p99)),
      errors: [...runs.echo, ...runs.intake].reduce((n, r) => n + r.errors, 0),
    };
  } finally {
    await stopProductionServer(server);
  }
}

/** The 12345 importer on a generated file, against a fresh database at `databaseUrl`. */
function importFigures(databaseUrl: string, dataDir: string) {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO_DATA: "0" };
  execFileSync(tsx, ["scripts/prepare-db.ts"], { env, stdio: "ignore" });
  const output = execFileSync(tsx, ["--conditions=react-server", "bench/import-speed.ts"], { env, encoding: "utf8" });
  return JSON.parse(output.trim().split("\n").at(-1)!) as { rows: number; seconds: number; rowsPerSecond: number; loadAverage: string };
}

async function measure(engine: DatabaseEngine): Promise<Figures> {
  const intakeDir = mkdtempSync(path.join(tmpdir(), "jsjb-bench-"));
  const importDir = mkdtempSync(path.join(tmpdir(), "jsjb-bench-import-"));
  try {
    const intake = await withDatabase(engine, intakeDir, (url) => intakeFigures(url, intakeDir));
    const imported = await withDatabase(engine, importDir, async (url) => importFigures(url, importDir));
    return { ...intake, importRows: imported.rows, importSeconds: imported.seconds, importRate: imported.rowsPerSecond };
  } finally {
    rmSync(intakeDir, { recursive: true, force: true });
    rmSync(importDir, { recursive: true, force: true });
  }
}

async function main() {
  const results = new Map<DatabaseEngine, Figures>();
  for (const engine of ENGINES) {
    console.error(`[bench] ${ENGINE_LABEL[engine]} …`);
    results.set(engine, await measure(engine));
  }
  const column = (value: (f: Figures) => string) => ENGINES.map((e) => value(results.get(e)!).padStart(16)).join("");
  console.log("intake benchmark (autocannon, 20 connections, %ds × 2 alternating runs each); import of a generated 12345 file", DURATION_S);
  console.log(`${"".padEnd(40)}${ENGINES.map((e) => ENGINE_LABEL[e].padStart(16)).join("")}`);
  console.log(`${"bare route POST /api/bench/echo, req/s".padEnd(40)}${column((f) => f.echo.toFixed(0))}`);
  console.log(`${"  p99 ms".padEnd(40)}${column((f) => String(f.echoP99))}`);
  console.log(`${"intake POST /api/v1/tickets, req/s".padEnd(40)}${column((f) => f.intake.toFixed(0))}`);
  console.log(`${"  p99 ms".padEnd(40)}${column((f) => String(f.intakeP99))}`);
  console.log(`${"ratio intake / bare (target ≥ 0.50)".padEnd(40)}${column((f) => (f.intake / f.echo).toFixed(2))}`);
  console.log(`${"non-2xx responses or errors".padEnd(40)}${column((f) => String(f.errors))}`);
  console.log(`${"import rows/s (target ≥ 2000)".padEnd(40)}${column((f) => String(f.importRate))}`);
  console.log(`${"  seconds for the file's rows".padEnd(40)}${column((f) => `${f.importSeconds} (${f.importRows})`)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
