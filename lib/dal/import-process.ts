import "server-only";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { ImportOutcome } from "@/lib/dal/import-tickets";
import { env } from "@/lib/env";
import { Forbidden } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * The /import page's import, run by `npm run cli -- import` in a child process. Reading,
 * checking and planning a 50,000-row file is seconds of CPU; inside the server it would stop
 * every other request for that long. The child writes through its own connection, in one
 * transaction (all or nothing, as the CLI does), while this process stays free to serve.
 */
export async function importTicketsInChildProcess(actor: Actor, fileName: string, bytes: Uint8Array): Promise<ImportOutcome> {
  if (!can(actor.role, "import:run")) throw new Forbidden("只有指挥中心坐席和系统管理员可以导入 12345 工单");
  const root = /* turbopackIgnore: true */ process.cwd();
  const uploads = path.join(env().dataDir, "tmp");
  await mkdir(uploads, { recursive: true, mode: 0o700 });
  // Only the extension of the user's file name is kept on disk; the name itself goes as an argument.
  const file = path.join(uploads, `import-${randomUUID()}${path.extname(fileName).toLowerCase().replace(/[^.a-z]/g, "")}`);
  await writeFile(file, bytes, { mode: 0o600 });
  try {
    const args = [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", path.join(root, "cli", "index.ts")];
    const output = await run(process.execPath, [...args, "import", file, "--outcome", "--as", actor.userId, "--name", fileName], root);
    return JSON.parse(output) as ImportOutcome;
  } finally {
    await rm(file, { force: true });
  }
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, DATABASE_URL: env().databaseUrl }, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) return resolve(Buffer.concat(stdout).toString("utf8"));
      logger.error({ code, stderr }, "import child process failed");
      reject(new Error(`import child process exited with ${code}`));
    });
  });
}
