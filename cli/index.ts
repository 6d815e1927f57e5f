// npm run cli -- <command> …  (DOMAIN.md §7). Results go to stdout, progress and errors to
// stderr; a failure exits non-zero.
import "@/lib/load-dotenv";
import { restrictNewFilesToOwner } from "@/lib/env";
import { API_CLIENT_HELP, apiClientCommand } from "./commands/api-client";
import { backupCommand, restoreCommand } from "./commands/backup";
import { importCommand } from "./commands/import";
import { importSwitchCommand } from "./commands/import-switch";
import { metricsCommand, metricsRebuildCommand } from "./commands/metrics";
import { MIGRATE_HELP, migrateCommand } from "./commands/migrate";
import { MIGRATE_DATA_HELP, migrateDataCommand } from "./commands/migrate-data";
import { tickCommand } from "./commands/tick";
import { tokenCommand } from "./commands/token";
import { trainCommand } from "./commands/train";

const COMMANDS: Record<string, { run: (args: string[]) => Promise<void>; help: string }> = {
  import: {
    run: importCommand,
    help: "import 文件.csv|文件.xlsx    导入 12345 承办单（有错则整批不导入，已导入的工单编号自动跳过）",
  },
  "import-switch": {
    run: importSwitchCommand,
    help: "import-switch 文件.csv|文件.xlsx    导入呼叫中心交换机的逐小时话务统计（时段、坐席工号、呼入量、接通量、放弃量；有错则整批不导入，同一时段再次导入覆盖）",
  },
  metrics: {
    run: metricsCommand,
    help: "metrics --from YYYY-MM-DD --to YYYY-MM-DD [--unit 单位代码] [--group-by unit|category|channel|month] [--format json|csv]    统计三率（受理日期在 [from, to) 内）",
  },
  "metrics-rebuild": { run: metricsRebuildCommand, help: "metrics-rebuild    按工单重新计算统计汇总表（恢复备份后使用）" },
  token: { run: tokenCommand, help: "token --user USERNAME    为用户生成 API 令牌" },
  "api-client": { run: apiClientCommand, help: API_CLIENT_HELP },
  backup: {
    run: backupCommand,
    help: "backup 目录    在线备份（数据库、上传的照片、本地会话密钥）到一个新的空目录，服务无需停止",
  },
  restore: {
    run: restoreCommand,
    help: "restore 目录 [--force]    从备份恢复（请先停止服务）；站点已有数据时须加 --force 才会覆盖",
  },
  migrate: { run: migrateCommand, help: MIGRATE_HELP },
  "migrate-data": { run: migrateDataCommand, help: MIGRATE_DATA_HELP },
  train: {
    run: trainCommand,
    help: "train [--from YYYY-MM-DD]    用已办结、已导入和人工派单的工单重新训练智能分类模型，输出留出评估；优于当前模型才启用",
  },
  tick: {
    run: tickCommand,
    help: "tick    检查时限：为新超期的签收、首次联系、办结时限各记一条超期记录（可重复运行，供 cron 使用）",
  },
};

async function main() {
  restrictNewFilesToOwner(); // the database, backups and anything else a command writes: owner-only
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`用法: npm run cli -- <命令>\n${Object.values(COMMANDS).map((c) => `  ${c.help}`).join("\n")}\n`);
    process.exit(name ? 2 : 0);
  }
  await command.run(args);
}

main()
  .then(async () => {
    const { db } = await import("@/lib/db");
    const { closeSql } = await import("@/lib/sql");
    await Promise.all([db.$disconnect(), closeSql()]);
  })
  .catch((error: unknown) => {
    process.stderr.write(`错误: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
