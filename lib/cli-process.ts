import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * Runs `npm run cli -- <args>` in a child process and resolves with its stdout. For the seconds
 * of CPU an import or a classifier training needs: inside the server they would stop every other
 * request for that long. The child writes through its own connection while this process serves.
 */
export function runCliCommand(args: string[]): Promise<string> {
  const root = /* turbopackIgnore: true */ process.cwd();
  const cli = [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", path.join(root, "cli", "index.ts")];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cli, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: env().databaseUrl }, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) return resolve(Buffer.concat(stdout).toString("utf8"));
      logger.error({ code, stderr, command: args[0] }, "cli child process failed");
      reject(new Error(`${args[0]} child process exited with ${code}`));
    });
  });
}
