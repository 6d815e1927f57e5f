// A whole site on one machine for the cluster test and bench:cluster (issue 11): a throw-away
// PostgreSQL (tests/support/postgres.ts), N app nodes — the production server scripts/serve.mjs
// on the existing build, each with its own DATA_DIR and the same AUTH_SECRET, as a deployment
// gives them — and nginx with the repository's site config in front (./nginx.ts). Everything on
// free loopback ports, in one temporary folder, and stopped by stop() whatever happened.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startPostgres, type Postgres } from "../support/postgres";
import { startNginx, type Nginx } from "./nginx";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

export type ClusterOptions = {
  nodes: number;
  /** Extra environment for every node (limits, SCHEDULER_INTERVAL_SECONDS …). */
  env?: Record<string, string>;
  /** PostgreSQL with fsync and synchronous commit on (benchmarks), rather than a test's fast settings. */
  durable?: boolean;
};

export type AppNode = {
  name: string;
  url: string;
  port: number;
  /** The server process's pid (scripts/serve.mjs itself), or null while it is down. */
  pid: () => number | null;
  alive: () => boolean;
  /** Sends `signal` and waits until the process has exited. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
  /** Starts the node again on its port and waits until it is ready. */
  start: () => Promise<void>;
  log: () => string;
};

export type Cluster = {
  nginx: Nginx;
  nodes: AppNode[];
  postgres: Postgres;
  databaseUrl: string;
  /** A pool on the site's database for the test's own look-ups. */
  db: pg.Pool;
  /** A new API token for a seeded user (`npm run cli -- token`). */
  token: (user: string) => string;
  stop: () => Promise<void>;
};

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function assertBuilt(): void {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first");
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  assertBuilt();
  const dir = mkdtempSync(path.join(tmpdir(), "jsjb-cluster-"));
  chmodSync(dir, 0o711); // traversable by nginx's unprivileged user, to its own folder inside
  const stops: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of stops.reverse()) await Promise.resolve(step()).catch(() => {});
  };
  try {
    const postgres = await startPostgres({ durable: options.durable });
    stops.push(() => postgres.stop());
    const databaseUrl = await postgres.createDatabase("jsjb_cluster");
    const proxyPort = await freePort();
    const secret = randomBytes(32).toString("hex");
    const common = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: secret,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: `http://127.0.0.1:${proxyPort}`,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      TRUSTED_PROXY_HOPS: "1",
      DEMO_DATA: "0",
      ...options.env,
    };
    execFileSync(tsx, ["scripts/prepare-db.ts"], { cwd: root, env: { ...common, DATA_DIR: path.join(dir, "prepare") }, stdio: "pipe" });

    const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    db.on("error", () => {}); // idle connections end when the test restarts the server
    stops.push(() => db.end());

    const nodes: AppNode[] = [];
    for (let i = 0; i < options.nodes; i++) {
      const node = appNode(`node-${String.fromCharCode(97 + i)}`, await freePort(), dir, common);
      stops.push(() => node.kill("SIGKILL"));
      nodes.push(node);
    }
    await Promise.all(nodes.map((node) => node.start()));

    const nginx = await startNginx(
      path.join(dir, "nginx"),
      proxyPort,
      nodes.map((node) => `127.0.0.1:${node.port}`),
    );
    stops.push(() => nginx.stop());

    return {
      nginx,
      nodes,
      postgres,
      databaseUrl,
      db,
      token: (user) =>
        execFileSync(tsx, ["--conditions=react-server", "cli/index.ts", "token", "--user", user], { cwd: root, env: common, encoding: "utf8" })
          .trim()
          .split("\n")
          .at(-1)!,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function appNode(name: string, port: number, dir: string, common: NodeJS.ProcessEnv): AppNode {
  const dataDir = path.join(dir, name);
  const logFile = path.join(dir, `${name}.log`);
  mkdirSync(dataDir, { recursive: true });
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const url = `http://127.0.0.1:${port}`;
  const node: AppNode = {
    name,
    url,
    port,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid! : null),
    alive: () => node.pid() !== null,
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : ""),
    async kill(signal) {
      if (!node.alive()) return;
      child!.kill(signal);
      await exited;
    },
    async start() {
      const out = openSync(logFile, "a");
      child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
        cwd: root,
        env: { ...common, DATA_DIR: dataDir, PORT: String(port) },
        stdio: ["ignore", out, out],
      });
      closeSync(out);
      const started = child;
      exited = new Promise((resolve) => started.once("exit", () => resolve()));
      const outcome = await waitFor(`${name} to be ready`, async () => (node.alive() ? (await fetch(`${url}/api/ready`)).ok && "ready" : "exited"), 60_000, 200);
      if (outcome === "exited") throw new Error(`${name} exited:\n${node.log().slice(-2000)}`);
    },
  };
  return node;
}
