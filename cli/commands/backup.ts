import { parseArgs } from "node:util";
import { createBackup } from "@/lib/backup/backup";
import { restoreBackup } from "@/lib/backup/restore";
import { currentSite } from "@/lib/backup/site";

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** backup DIR: a consistent copy of the running site. Summary JSON on stdout. */
export async function backupCommand(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new Error("用法: npm run cli -- backup 目录");
  const result = await createBackup(currentSite(), positionals[0]!, progress);
  progress(`备份完成：${result.tickets} 张工单、${result.photos} 张照片，用时 ${result.seconds} 秒`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** restore DIR [--force]: puts a backup in place; the server must be stopped. */
export async function restoreCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { force: { type: "boolean", default: false } } });
  if (positionals.length !== 1) throw new Error("用法: npm run cli -- restore 目录 [--force]");
  const result = await restoreBackup(currentSite(), positionals[0]!, { force: values.force }, progress);
  progress(`恢复完成：${result.tickets} 张工单；请重新启动服务`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
