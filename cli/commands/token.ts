import { parseArgs } from "node:util";
import { issueApiToken } from "@/lib/dal/api-tokens";

/** token --user USERNAME [--name LABEL]: prints a new API token alone on the last line. */
export async function tokenCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { user: { type: "string" }, name: { type: "string" } } });
  if (!values.user) throw new Error("用法: npm run cli -- token --user 用户名 [--name 用途]");
  const token = await issueApiToken(values.user, values.name ?? "CLI");
  process.stderr.write(`已为用户 ${values.user} 生成 API 令牌（仅显示一次，请妥善保存）：\n`);
  process.stdout.write(`${token}\n`);
}
