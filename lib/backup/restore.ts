import "server-only";
import path from "node:path";
import { ENGINE_LABELS, siteDatabase } from "./database";
import { restoreSiteFiles, type Progress } from "./files";
import { DATABASE_FILES, manifestEngine, readVerifiedManifest } from "./manifest";
import { filesIn, type Site } from "./site";

/**
 * Puts a backup in place. Run it with the server stopped. The backup's checksums are verified
 * before anything is written; a backup of the other engine is refused (moving a site between
 * engines is migrate-data's job), and a site that already has tickets or photos is only
 * overwritten with `force`.
 */
export async function restoreBackup(site: Site, dir: string, options: { force?: boolean } = {}, progress: Progress = () => {}) {
  const database = siteDatabase(site);
  progress("正在校验备份文件…");
  const manifest = await readVerifiedManifest(dir);
  const from = manifestEngine(manifest);
  if (from !== database.engine) {
    const [backup, current] = [ENGINE_LABELS[from], ENGINE_LABELS[database.engine]];
    throw new Error(
      `这是 ${backup} 站点的备份，当前站点使用 ${current}，不能直接恢复，未做任何改动。` +
        `请先把它恢复到一个 ${backup} 站点，再用 npm run cli -- migrate-data 把数据迁移到 ${current}`,
    );
  }
  const tickets = await database.ticketCount();
  const photos = filesIn(site.uploadsDir).length;
  if ((tickets || photos) && !options.force) {
    throw new Error(`目标站点已有数据（${tickets} 张工单、${photos} 张照片），未做任何改动；确认要用备份覆盖时请加 --force`);
  }

  progress("正在恢复数据库…");
  await database.restore(path.join(dir, DATABASE_FILES[from]));
  const files = await restoreSiteFiles(site, dir, manifest, progress);
  return {
    from: path.resolve(dir),
    backupCreatedAt: manifest.createdAt,
    engine: from,
    migration: manifest.migration,
    tickets: await database.ticketCount(),
    ...files,
    replacedTickets: tickets,
  };
}
