import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { importSwitchFile } from "@/lib/dal/switch-figures";
import { importer } from "./import";

const USAGE = "用法: npm run cli -- import-switch 文件.csv|文件.xlsx";

/**
 * import-switch FILE: the call-centre switch's hourly export (issue 16), as the /calls page
 * imports it — all rows or none; a re-imported hour replaces the earlier figures. For a cron job
 * that picks up the switch's nightly export. Acts as the first active ADMIN (or `--as USER_ID`).
 */
export async function importSwitchCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { as: { type: "string" } } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new Error(USAGE);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === "ENOENT" ? `找不到文件 ${file}` : `无法读取文件 ${file}：${error.message}`);
  });
  const result = await importSwitchFile(await importer(values.as), file, bytes);
  if (!result.ok) {
    for (const p of result.problems) process.stderr.write(`第 ${p.line} 行 · ${p.message}\n`);
    throw new Error(`文件有 ${result.problems.length} 处错误，未导入任何数据`);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
