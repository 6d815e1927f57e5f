import { parseArgs } from "node:util";
import { issueApiClient } from "@/lib/dal/admin/api-clients";
import { API_CLIENT_CHANNELS, API_CLIENT_SCOPES } from "@/lib/domain/api-clients";
import { Invalid } from "@/lib/errors";

export const API_CLIENT_HELP = `api-client --name 名称 --unit 单位代码 --channel ${API_CLIENT_CHANNELS.join("|")} --scopes ${API_CLIENT_SCOPES.join(",")}    新建接口客户端并生成其令牌`;

/**
 * api-client --name … --unit … --channel … --scopes a,b: creates an API client (validated and
 * audited as on the admin page) and prints its token alone on the last line of stdout.
 */
export async function apiClientCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { name: { type: "string" }, unit: { type: "string" }, channel: { type: "string" }, scopes: { type: "string" } },
  });
  if (!values.name || !values.unit) throw new Error(`用法: npm run cli -- ${API_CLIENT_HELP}`);
  const input = { name: values.name, unit: values.unit, channel: values.channel ?? "API", scopes: values.scopes ?? "" };
  const issued = await issueApiClient(null, input).catch((error: unknown) => {
    // The field errors are the admin form's, keyed by the option of the same name.
    if (error instanceof Invalid) throw new Error(error.errors.map((e) => `--${e.field}: ${e.message}`).join("；"));
    throw error;
  });
  process.stderr.write(`已新建接口客户端「${issued.name}」，其令牌如下（仅显示一次，请妥善保存）：\n`);
  process.stdout.write(`${issued.token}\n`);
}
