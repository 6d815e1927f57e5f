// The production server a benchmark measures: `npm start`'s own script (scripts/start.ts, which
// builds first when the build is stale) in its own process group, ready once /api/health answers.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const tsx = path.resolve("node_modules/.bin/tsx");

/** Starts the server on `port` with `env` and waits (a first start may build) until it answers. */
export async function startProductionServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const server = spawn(tsx, ["scripts/start.ts"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  for (let second = 0; second < 900; second++) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    if ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await stopProductionServer(server);
  throw new Error("the server did not answer /api/health within 15 minutes");
}

/** Stops the server and everything it started; resolves once it has exited. */
export async function stopProductionServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    return; // already gone
  }
  await exited;
}
