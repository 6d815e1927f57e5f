// npm run cli -- migrate: the schema migrations `npm start` applies, without seeding or serving —
// for a deployment that updates the database before it starts new app nodes.
import { ensurePrivateDataDir } from "@/lib/env";
import { migrateDatabase } from "@/scripts/prepare-db";

export const MIGRATE_HELP = "migrate    应用数据库迁移（SQLite 或 PostgreSQL，按 DATABASE_URL；npm start 启动时也会执行）";

export async function migrateCommand(args: string[]): Promise<void> {
  if (args.length) throw new Error(`migrate 不接受参数（收到「${args.join(" ")}」）`);
  ensurePrivateDataDir();
  await migrateDatabase();
}
