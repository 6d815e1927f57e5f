import "server-only";
import { sql, type Kysely, type Transaction } from "kysely";
import { rebuildMetricsSql } from "@/lib/dal/metrics/counter-sql";
import type { DB } from "@/lib/generated/kysely/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { migratePostgres } from "@/lib/migrations/postgres";
import type { Verification } from "./compare";
import { copyTable } from "./copy";
import { copyPlan, missingTables, type TableCopy } from "./plan";
import { checkSourceMigrations, danglingReferences, describeSource, openSource, photosNotInDatabase } from "./source";
import { nonEmptyTables, openTarget, targetUrlOf } from "./target";
import { verifyCopy } from "./verify";

// `npm run cli -- migrate-data --from file:… --to postgresql://…` (docs/postgresql.md, "Moving a
// site"): checks both ends, migrates the target, copies every table in one PostgreSQL
// transaction, recounts the metric tables there and verifies before committing — the target ends
// up either a verified copy or without a single row.

export type MigrateResult = { verification: Verification; tables: { table: string; rows: number }[]; photos: number; seconds: number };

/** The copy was made but does not match the source: rolled back, with the comparison to show. */
export class CopyMismatch extends Error {
  constructor(readonly verification: Verification) {
    super(`核对未通过（${verification.problems.length} 处），已回滚，目标库未写入任何数据`);
  }
}

const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;

function refuseFilled(tables: string[]): Error {
  return new Error(`目标库不是空库：表 ${tables.join("、")} 中已有数据。迁移只写入空的 PostgreSQL 数据库（新建一个库，且迁移完成前不要在其上启动服务），未写入任何数据`);
}

/** What to copy, once the source has proved to be this version's schema with sound references. */
async function sourcePlan(source: Kysely<DB>, progress: (line: string) => void): Promise<{ plan: TableCopy[]; tables: string[] }> {
  await checkSourceMigrations(source);
  const models: readonly string[] = Object.values(Prisma.ModelName);
  const described = await describeSource(source);
  const missing = missingTables(models, described);
  if (missing.length) throw new Error(`源数据库缺少表 ${missing.join("、")}，与本版本的数据结构不一致`);
  const foreign = described.filter((shape) => !models.includes(shape.name)).map((shape) => shape.name);
  if (foreign.length) progress(`源数据库中的表 ${foreign.join("、")} 不属于本系统的数据结构，不复制`);
  const dangling = await danglingReferences(source);
  if (dangling.length) {
    throw new Error(`源数据库有引用不存在记录的行（${dangling.map((d) => `${d.table} ${d.count} 行`).join("、")}），PostgreSQL 不会接受；请先修复`);
  }
  const files = await photosNotInDatabase(source);
  if (files > 0) {
    throw new Error(
      `源站点有 ${files} 张照片仍是 DATA_DIR/uploads 下的文件，尚未存入数据库，不会随数据迁移：` +
        "请先用本版本启动一次原站点（npm start 或 npm run cli -- migrate 会把照片文件移入数据库），再迁移。未写入任何数据",
    );
  }
  const shapes = described.filter((shape) => models.includes(shape.name));
  return { plan: copyPlan(shapes), tables: shapes.map((shape) => shape.name) };
}

/** The copy, the recount and the check in the caller's transaction: a throw rolls all of it back. */
async function copyAndVerify(source: Kysely<DB>, trx: Transaction<DB>, plan: TableCopy[], appTables: string[], progress: (line: string) => void) {
  // Again inside the transaction: nothing may have arrived since the first look.
  const filled = await nonEmptyTables(trx, appTables);
  if (filled.length) throw refuseFilled(filled);
  const tables: MigrateResult["tables"] = [];
  for (const table of plan) {
    const started = Date.now();
    const rows = await copyTable(source, trx, table).catch((error: unknown) => {
      throw new Error(`复制表 ${table.name} 失败，已回滚，目标库未写入任何数据：${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    tables.push({ table: table.name, rows });
    progress(`已复制 ${table.name}：${rows} 行（${seconds(started)} 秒）`);
  }
  // The insert trigger counted every ticket as it arrived; the recount makes the tables exactly
  // what the tickets say, whatever order the rows came in.
  const rebuildStarted = Date.now();
  for (const statement of rebuildMetricsSql("postgresql")) await sql.raw(statement).execute(trx);
  progress(`已按工单重新统计汇总表（${seconds(rebuildStarted)} 秒），正在核对…`);
  const verifyStarted = Date.now();
  const verification = await verifyCopy({ db: source, dialect: "sqlite" }, { db: trx, dialect: "postgresql" }, appTables);
  progress(`核对用时 ${seconds(verifyStarted)} 秒`);
  if (verification.problems.length) throw new CopyMismatch(verification);
  return { verification, tables };
}

export async function migrateData(options: { from: string; to: string; progress?: (line: string) => void }): Promise<MigrateResult> {
  const started = Date.now();
  const progress = options.progress ?? (() => {});
  const targetUrl = targetUrlOf(options.to);
  const source = openSource(options.from);
  try {
    const { plan, tables: appTables } = await sourcePlan(source.db, progress);
    const target = openTarget(targetUrl);
    try {
      const filled = await nonEmptyTables(target.db, appTables).catch((error: unknown) => {
        throw new Error(`无法连接目标 PostgreSQL 库：${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
      if (filled.length) throw refuseFilled(filled);
      const applied = await migratePostgres(targetUrl);
      progress(applied.length ? `目标库已应用迁移：${applied.join("、")}` : "目标库的数据结构已是最新");
      const { verification, tables } = await target.db.transaction().execute((trx) => copyAndVerify(source.db, trx, plan, appTables, progress));
      const photos = tables.find((t) => t.table === "Attachment")?.rows ?? 0;
      return { verification, tables, photos, seconds: seconds(started) };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
