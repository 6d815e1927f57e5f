import "server-only";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { copyFile, open, rename } from "node:fs/promises";
import path from "node:path";
import type { Progress } from "./backup";
import { AUTH_SECRET_FILE, DATABASE_FILE, readVerifiedManifest, UPLOADS_FOLDER } from "./manifest";
import { filesIn, PRIVATE_DIR, PRIVATE_FILE, ticketCount, type Site } from "./site";

/** Copies to a temporary name beside the target, flushed to disk, then renames over it. */
async function replaceFile(source: string, target: string): Promise<void> {
  const temporary = `${target}.restore-${process.pid}.tmp`;
  await copyFile(source, temporary);
  const handle = await open(temporary, "r+", PRIVATE_FILE);
  try {
    await handle.chmod(PRIVATE_FILE);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, target);
}

/** The photos folder swapped whole: old photos of another site must not linger. */
async function replaceUploads(source: string, names: string[], target: string): Promise<void> {
  const incoming = `${target}.restore-${process.pid}`;
  const outgoing = `${target}.old-${process.pid}`;
  rmSync(incoming, { recursive: true, force: true });
  mkdirSync(incoming, { recursive: true, mode: PRIVATE_DIR });
  for (const name of names) await replaceFile(path.join(source, name), path.join(incoming, name));
  if (existsSync(target)) await rename(target, outgoing);
  await rename(incoming, target);
  rmSync(outgoing, { recursive: true, force: true });
}

/**
 * Puts a backup in place. Run it with the server stopped. A site that already has tickets or
 * photos is only overwritten with `force`; the backup's checksums are verified before anything
 * is written.
 */
export async function restoreBackup(site: Site, dir: string, options: { force?: boolean } = {}, progress: Progress = () => {}) {
  const tickets = ticketCount(site.databasePath);
  const photos = filesIn(site.uploadsDir).length;
  if ((tickets || photos) && !options.force) {
    throw new Error(`目标站点已有数据（${tickets} 张工单、${photos} 张照片），未做任何改动；确认要用备份覆盖时请加 --force`);
  }
  progress("正在校验备份文件…");
  const manifest = await readVerifiedManifest(dir);

  progress("正在恢复数据库…");
  mkdirSync(path.dirname(site.databasePath), { recursive: true, mode: PRIVATE_DIR });
  // A WAL left from the old database would be replayed onto the restored one: remove it first.
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${site.databasePath}${suffix}`, { force: true });
  await replaceFile(path.join(dir, DATABASE_FILE), site.databasePath);

  const uploadNames = manifest.files.filter((f) => f.path.startsWith(`${UPLOADS_FOLDER}/`)).map((f) => f.path.slice(UPLOADS_FOLDER.length + 1));
  progress(`正在恢复照片（${uploadNames.length} 张）…`);
  await replaceUploads(path.join(dir, UPLOADS_FOLDER), uploadNames, site.uploadsDir);

  const withSecret = manifest.files.some((f) => f.path === AUTH_SECRET_FILE);
  if (withSecret) {
    progress("正在恢复本地会话密钥 auth-secret…");
    mkdirSync(path.dirname(site.authSecretFile), { recursive: true, mode: PRIVATE_DIR });
    await replaceFile(path.join(dir, AUTH_SECRET_FILE), site.authSecretFile);
  }
  return {
    from: path.resolve(dir),
    backupCreatedAt: manifest.createdAt,
    migration: manifest.migration,
    tickets: ticketCount(site.databasePath),
    photos: uploadNames.length,
    authSecret: withSecret,
    replacedTickets: tickets,
  };
}
