import { parseArgs } from "node:util";
import { CopyMismatch, migrateData } from "@/lib/migrate-data/migrate";
import { formatVerification } from "@/lib/migrate-data/report";

export const MIGRATE_DATA_HELP =
  "migrate-data --from file:路径/app.db --to postgresql://用户:密码@主机:5432/库名    把 SQLite 站点整体迁移到一个空的 PostgreSQL 库并核对行数与各单位各年度三率（请先停止服务；照片与未配置 AUTH_SECRET 时的会话密钥都在库中，随数据一并迁移；原站点须已用本版本启动过一次，以便把旧版本的照片文件移入数据库）";

const USAGE = "用法: npm run cli -- migrate-data --from file:路径/app.db --to postgresql://用户:密码@主机:5432/库名";

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** migrate-data --from … --to …: the summary table on stdout, progress on stderr; a mismatch exits non-zero. */
export async function migrateDataCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { from: { type: "string" }, to: { type: "string" } } });
  if (!values.from || !values.to) throw new Error(USAGE);
  try {
    const result = await migrateData({ from: values.from, to: values.to, progress });
    process.stdout.write(formatVerification(result.verification, result.photos));
    progress(`迁移完成，用时 ${result.seconds} 秒。新站点请设置 DATABASE_URL=${values.to.replace(/:[^:@/]*@/, ":***@")}`);
  } catch (error) {
    if (error instanceof CopyMismatch) process.stdout.write(formatVerification(error.verification));
    throw error;
  }
}
