// `npm start`: everything a fresh machine needs, then the server.
//   1. validate the environment;
//   2. apply pending migrations (SQLite by default; PostgreSQL when DATABASE_URL says so) and
//      move photo files of older versions into the database;
//   3. seed an empty database (demo data unless DEMO_DATA=0), and read the session secret: the
//      configured AUTH_SECRET, else the one every node shares in the database (lib/site-secret.ts);
//   4. build if there is no build or the sources are newer than it;
//   5. serve on PORT with scripts/serve.mjs (Next's custom-server API): unlike `next start` it
//      sets the client address from the socket and TRUSTED_PROXY_HOPS, so a forged
//      X-Forwarded-For cannot walk around the per-address limits.
import "@/lib/load-dotenv";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { env, restrictNewFilesToOwner } from "@/lib/env";

import { prepareDatabase } from "./prepare-db";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function log(message: string) {
  process.stderr.write(`[start] ${message}\n`);
}

function run(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    log(`${path.basename(command)} ${args.join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
}

/** Newest modification time under the given paths (files or folders). */
function newestSourceTime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== "node_modules" && entry !== "generated") visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return newest;
}

/**
 * The demo's first start trains the classifier on the demo history (`npm run cli -- train`, as an
 * admin would), so that similar tickets and unit suggestions show from the first classification.
 * A failure only leaves the shipped base model in use.
 */
function trainOnDemoHistory(databaseUrl: string) {
  log("training the classifier on the demo history");
  const cli = [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", path.join(root, "cli", "index.ts")];
  const result = spawnSync(process.execPath, [...cli, "train", "--trigger", "DEMO"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: databaseUrl } });
  if (result.status !== 0) log("training on the demo history failed; the base model stays in use");
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = ["app", "components", "lib", "types", "prisma/schema.prisma", "next.config.ts", "proxy.ts", "instrumentation.ts", "package.json", "postcss.config.mjs"];
  return statSync(buildId).mtimeMs >= newestSourceTime(sources);
}

async function main() {
  // Before anything is created; inherited by the build, prisma and the server (scripts/serve.mjs).
  restrictNewFilesToOwner();
  const config = env();
  const { seededDemo } = await prepareDatabase();
  if (seededDemo) trainOnDemoHistory(config.databaseUrl);
  const { authSecret } = await import("@/lib/site-secret");
  const secret = await authSecret();
  const { closeSql } = await import("@/lib/sql");
  await closeSql();
  // The server gets the secret as if configured: it never has to read it itself.
  const childEnv = {
    DATABASE_URL: config.databaseUrl,
    AUTH_SECRET: secret,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
    TRUSTED_PROXY_HOPS: String(config.TRUSTED_PROXY_HOPS),
  };

  if (!buildIsCurrent()) {
    log("building the app (first start or sources changed)");
    run(bin("next"), ["build"], { ...childEnv, NODE_ENV: "production" });
  }

  log(`serving on http://localhost:${config.PORT}`);
  const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), "-p", String(config.PORT)], {
    stdio: "inherit",
    env: { ...process.env, ...childEnv, NODE_ENV: "production" },
  });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
