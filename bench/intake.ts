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
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { SAMPLE_TICKET } from "./sample-ticket";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = mkdtempSync(path.join(tmpdir(), "jsjb-bench-"));
const env = { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, DEMO_DATA: "0", BENCH_ROUTES: "1", NEXT_TELEMETRY_DISABLED: "1" };
const tsx = path.resolve("node_modules/.bin/tsx");


async function waitForHealth() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("server did not start");
}

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

async function main() {
  const server = spawn(tsx, ["scripts/start.ts"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  try {
    await waitForHealth();
    const token = execFileSync(tsx, ["--conditions=react-server", "cli/index.ts", "token", "--user", "dispatcher"], { env, encoding: "utf8" })
      .trim()
      .split("\n")
      .at(-1)!;
    const base = `http://localhost:${PORT}`;
    await load(`${base}/api/bench/echo`, {}); // warm-up: JIT and caches for both routes
    await load(`${base}/api/v1/tickets`, { authorization: `Bearer ${token}` });

    const runs = { echo: [] as Awaited<ReturnType<typeof load>>[], intake: [] as Awaited<ReturnType<typeof load>>[] };
    for (let round = 0; round < 2; round++) {
      runs.echo.push(await load(`${base}/api/bench/echo`, {}));
      runs.intake.push(await load(`${base}/api/v1/tickets`, { authorization: `Bearer ${token}` }));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const echo = mean(runs.echo.map((r) => r.rps));
    const intake = mean(runs.intake.map((r) => r.rps));
    console.log("intake benchmark (autocannon, 20 connections, %ds × 2 alternating runs each)", DURATION_S);
    console.log(`  bare route  POST /api/bench/echo : ${echo.toFixed(0)} req/s, p99 ${Math.max(...runs.echo.map((r) => r.p99))} ms`);
    console.log(`  intake      POST /api/v1/tickets  : ${intake.toFixed(0)} req/s, p99 ${Math.max(...runs.intake.map((r) => r.p99))} ms`);
    console.log(`  ratio intake / bare              : ${(intake / echo).toFixed(2)} (target ≥ 0.50)`);
    const errors = [...runs.echo, ...runs.intake].reduce((n, r) => n + r.errors, 0);
    if (errors) console.log(`  non-2xx responses or errors       : ${errors}`);
  } finally {
    process.kill(-server.pid!, "SIGTERM");
  }

  // Import speed, against its own fresh database.
  const importDir = mkdtempSync(path.join(tmpdir(), "jsjb-bench-import-"));
  const importEnv = { ...process.env, DATA_DIR: importDir, DEMO_DATA: "0" };
  execFileSync(tsx, ["scripts/prepare-db.ts"], { env: importEnv, stdio: "ignore" });
  const output = execFileSync(tsx, ["--conditions=react-server", "bench/import-speed.ts"], { env: importEnv, encoding: "utf8" });
  const figures = JSON.parse(output.trim().split("\n").at(-1)!) as { rows: number; seconds: number; rowsPerSecond: number; loadAverage: string };
  console.log("import benchmark (generated 12345 file, one all-or-nothing import)");
  console.log(`  ${figures.rows} rows in ${figures.seconds} s: ${figures.rowsPerSecond} rows/s (target ≥ 2000; load average ${figures.loadAverage})`);
  rmSync(importDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
