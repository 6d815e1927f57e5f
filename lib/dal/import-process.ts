import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { ImportOutcome } from "@/lib/dal/import-tickets";
import { env } from "@/lib/env";
import { Forbidden } from "@/lib/errors";
import { runCliCommand } from "@/lib/cli-process";

/**
 * The /import page's import, run by `npm run cli -- import` in a child process (lib/cli-process.ts):
 * reading, checking and planning a 50,000-row file is seconds of CPU. The child writes in one
 * transaction (all or nothing, as the CLI does).
 */
export async function importTicketsInChildProcess(actor: Actor, fileName: string, bytes: Uint8Array): Promise<ImportOutcome> {
  if (!can(actor.role, "import:run")) throw new Forbidden("只有指挥中心坐席和系统管理员可以导入 12345 工单");
  const uploads = path.join(env().dataDir, "tmp");
  await mkdir(uploads, { recursive: true, mode: 0o700 });
  // Only the extension of the user's file name is kept on disk; the name itself goes as an argument.
  const file = path.join(uploads, `import-${randomUUID()}${path.extname(fileName).toLowerCase().replace(/[^.a-z]/g, "")}`);
  await writeFile(file, bytes, { mode: 0o600 });
  try {
    const output = await runCliCommand(["import", file, "--outcome", "--as", actor.userId, "--name", fileName]);
    return JSON.parse(output) as ImportOutcome;
  } finally {
    await rm(file, { force: true });
  }
}
