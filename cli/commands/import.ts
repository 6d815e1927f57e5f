import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { importTickets } from "@/lib/dal/import-tickets";
import { db } from "@/lib/db";

const USAGE = "用法: npm run cli -- import 文件.csv|文件.xlsx";

/**
 * The CLI is run by a server administrator: whoever has a shell on the server can open the
 * database file anyway, so no password is asked. The import acts as the first active ADMIN
 * account, which the IMPORTED events then name as the importer — or, with `--as USER_ID`, as
 * the user who uploaded the file on the /import page (lib/dal/import-process.ts runs this
 * command in a child process so that the server's event loop stays free).
 */
export async function importer(userId: string | undefined): Promise<Actor> {
  if (userId) {
    const actor = await loadActor(userId);
    if (!actor) throw new Error(`找不到在用的用户 ${userId}`);
    return actor;
  }
  const admin = await db.user.findFirst({
    where: { role: "ADMIN", active: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const actor = admin ? await loadActor(admin.id) : null;
  if (!actor) throw new Error("系统中没有在用的系统管理员账户，无法导入；请先创建或启用一个 ADMIN 用户");
  return actor;
}

/**
 * import FILE: 12345 承办单 batch (DOMAIN.md §7). Summary JSON on stdout, the rest on stderr.
 * `--outcome` prints the whole outcome as JSON (with the error list of a rejected file) and
 * exits 0 whenever the file was judged, for the /import page to show.
 */
export async function importCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: "string" }, outcome: { type: "boolean", default: false }, name: { type: "string" } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new Error(USAGE);

  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === "ENOENT" ? `找不到文件 ${file}` : `无法读取文件 ${file}：${error.message}`);
  });
  const actor = await importer(values.as);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`以 ${actor.displayName}（${actor.username}）的身份导入 ${file}`);

  const started = performance.now();
  const result = await importTickets(actor, values.name ?? file, bytes, { onProgress: log });
  if (values.outcome) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  if (!result.ok) {
    for (const e of result.errors) log(`第 ${e.line} 行 · ${e.column} · ${e.reason}`);
    throw new Error(`导入失败：共 ${result.errors.length} 处错误，未导入任何工单。请修改文件后重新导入`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`完成：导入 ${result.imported} 条，跳过已存在 ${result.skipped} 条${result.encoding ? `，编码 ${result.encoding.toUpperCase()}` : ""}，用时 ${seconds} 秒`);
  process.stdout.write(`${JSON.stringify({ imported: result.imported, skipped: result.skipped })}\n`);
}
