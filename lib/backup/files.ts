import "server-only";
import { chmodSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { copyFile, open, rename } from "node:fs/promises";
import path from "node:path";
import { AUTH_SECRET_FILE, UPLOADS_FOLDER, type Manifest } from "./manifest";
import { filesIn, PRIVATE_DIR, PRIVATE_FILE, type Site } from "./site";

// The photos and the local session secret: backed up and restored the same way whatever the
// database engine.

export type Progress = (line: string) => void;

async function copyPrivate(source: string, target: string): Promise<void> {
  await copyFile(source, target);
  chmodSync(target, PRIVATE_FILE);
}

/**
 * Copies the photos and the secret into the backup; returns their paths inside it. Run after the
 * database snapshot: photos are stored before the ticket that names them commits, so every photo
 * of a ticket in the snapshot is already on disk (later photos come along harmlessly).
 */
export async function backUpSiteFiles(site: Site, dir: string, progress: Progress): Promise<string[]> {
  const relatives: string[] = [];
  const photos = filesIn(site.uploadsDir);
  progress(`正在复制照片（${photos.length} 张）…`);
  if (photos.length) {
    mkdirSync(path.join(dir, UPLOADS_FOLDER), { mode: PRIVATE_DIR });
    for (const name of photos) {
      await copyPrivate(path.join(site.uploadsDir, name), path.join(dir, UPLOADS_FOLDER, name));
      relatives.push(`${UPLOADS_FOLDER}/${name}`);
    }
  }
  if (existsSync(site.authSecretFile)) {
    progress("正在复制本地会话密钥 auth-secret…");
    await copyPrivate(site.authSecretFile, path.join(dir, AUTH_SECRET_FILE));
    relatives.push(AUTH_SECRET_FILE);
  }
  return relatives;
}

/** Copies to a temporary name beside the target, flushed to disk, then renames over it. */
export async function replaceFile(source: string, target: string): Promise<void> {
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

/** Puts the backup's photos (replacing the site's) and its secret in place. */
export async function restoreSiteFiles(site: Site, dir: string, manifest: Manifest, progress: Progress) {
  const uploadNames = manifest.files.filter((f) => f.path.startsWith(`${UPLOADS_FOLDER}/`)).map((f) => f.path.slice(UPLOADS_FOLDER.length + 1));
  progress(`正在恢复照片（${uploadNames.length} 张）…`);
  await replaceUploads(path.join(dir, UPLOADS_FOLDER), uploadNames, site.uploadsDir);

  const withSecret = manifest.files.some((f) => f.path === AUTH_SECRET_FILE);
  if (withSecret) {
    progress("正在恢复本地会话密钥 auth-secret…");
    mkdirSync(path.dirname(site.authSecretFile), { recursive: true, mode: PRIVATE_DIR });
    await replaceFile(path.join(dir, AUTH_SECRET_FILE), site.authSecretFile);
  }
  return { photos: uploadNames.length, authSecret: withSecret };
}
