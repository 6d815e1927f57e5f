// npm run bench:cluster — intake through nginx with one and with two app nodes, and the failover
// gap, in one run (issue 11).
//
// The cluster test's site (tests/cluster/cluster.ts): PostgreSQL 15 run durably (fsync and
// synchronous commit on, as a site runs it), two production servers (scripts/serve.mjs on the
// existing build), nginx with deploy/nginx/jsjb.conf in front. Then:
//   1. POST /api/v1/tickets through nginx with autocannon (20 connections, BENCH_SECONDS each),
//      alternating two nodes and one node (the second stopped with SIGTERM, as for maintenance:
//      nginx finds it refusing and sends everything to the first), two rounds each;
//   2. the failover gap: a steady intake load (10 clients) through nginx, node A killed with
//      kill -9 after 3 s; how many requests failed and for how long.
// On a 2-core machine the nodes, nginx, PostgreSQL and the load share the same cores: two nodes
// are not expected to be faster here (issue 11); the figures are printed as measured.
import os from "node:os";
import autocannon from "autocannon";
import { startCluster, type Cluster } from "@/tests/cluster/cluster";
import { acknowledged, intakeLoad } from "@/tests/cluster/load";
import { BENCH_SERVER_ENV, SAMPLE_TICKET } from "./sample-ticket";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;

async function intake(cluster: Cluster, token: string, seconds = DURATION_S) {
  const result = await autocannon({
    url: `${cluster.nginx.url}/api/v1/tickets`,
    method: "POST",
    connections: CONNECTIONS,
    duration: seconds,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(SAMPLE_TICKET),
  });
  return { rps: result["2xx"] / seconds, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

type Run = Awaited<ReturnType<typeof intake>>;

async function failover(cluster: Cluster, token: string) {
  const [victim] = cluster.nodes;
  let killedAt = 0;
  const outcomes = await intakeLoad(cluster.nginx.url, token, {
    connections: 10,
    durationMs: 10_000,
    at: { ms: 3_000, run: async () => ((killedAt = Date.now()), await victim!.kill("SIGKILL")) },
  });
  const failed = outcomes.filter((o) => !acknowledged(o));
  // From the kill to the end of the last failed request: how long clients saw errors.
  const gapMs = failed.length ? Math.max(...failed.map((o) => o.end)) - killedAt : 0;
  // The longest time around the kill in which no request succeeded.
  const succeeded = outcomes.filter(acknowledged).map((o) => o.end).sort((a, b) => a - b);
  let stallMs = 0;
  for (let i = 1; i < succeeded.length; i++) stallMs = Math.max(stallMs, succeeded[i]! - succeeded[i - 1]!);
  return { requests: outcomes.length, failed: failed.length, gapMs, stallMs };
}

async function main() {
  const loadBefore = os.loadavg();
  console.error("[bench] starting PostgreSQL, two app nodes and nginx …");
  const cluster = await startCluster({ nodes: 2, durable: true, env: BENCH_SERVER_ENV });
  try {
    const token = cluster.token("dispatcher");
    const second = cluster.nodes[1]!;
    await intake(cluster, token, 5); // warm-up: JIT and caches on both nodes
    const runs = { two: [] as Run[], one: [] as Run[] };
    for (let round = 0; round < 2; round++) {
      if (!second.alive()) await second.start();
      console.error(`[bench] round ${round + 1}: two nodes …`);
      runs.two.push(await intake(cluster, token));
      await second.kill("SIGTERM");
      console.error(`[bench] round ${round + 1}: one node …`);
      runs.one.push(await intake(cluster, token));
    }
    await second.start();
    console.error("[bench] failover: kill -9 of node A under load …");
    const gap = await failover(cluster, token);
    const loadAfter = os.loadavg();

    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const row = (label: string, value: (rs: Run[]) => string) => console.log(`${label.padEnd(44)}${value(runs.one).padStart(12)}${value(runs.two).padStart(12)}`);
    console.log(`cluster benchmark: POST /api/v1/tickets through nginx (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s × 2 alternating runs each)`);
    console.log(`${"".padEnd(44)}${"one node".padStart(12)}${"two nodes".padStart(12)}`);
    row("intake req/s", (rs) => mean(rs.map((r) => r.rps)).toFixed(0));
    row("  p99 ms", (rs) => String(Math.max(...rs.map((r) => r.p99))));
    row("non-2xx responses or errors", (rs) => String(rs.reduce((n, r) => n + r.errors, 0)));
    console.log(`failover (kill -9 of one of two nodes under a 10-client load):`);
    console.log(`  failed requests: ${gap.failed} of ${gap.requests}; errors seen for ${(gap.gapMs / 1000).toFixed(2)} s after the kill`);
    console.log(`  longest time without a successful answer: ${(gap.stallMs / 1000).toFixed(2)} s`);
    console.log(`machine: ${os.cpus().length} cores; load average before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    await cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
