import "server-only";
import { chmodSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { siteDatabase } from "./database";
import { backUpSiteFiles, type Progress } from "./files";
import { AUTH_SECRET_FILE, DATABASE_FILES, describeFile, MANIFEST, UPLOADS_FOLDER, type Manifest } from "./manifest";
import { PRIVATE_DIR, PRIVATE_FILE, type Site } from "./site";

export type { Progress } from "./files";

/** A new, empty, owner-only folder for the backup; an existing non-empty one is refused. */
function prepareTarget(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length) throw new Error(`备份目录 ${dir} 不为空，请指定一个新的或空的目录`);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(dir, PRIVATE_DIR);
}

/**
 * Backs the site up into `dir` while it keeps serving. The database goes first (a snapshot of one
 * instant, SQLite or PostgreSQL), then the photos and the secret (lib/backup/files.ts says why in
 * that order), then manifest.json with their checksums.
 */
export async function createBackup(site: Site, dir: string, progress: Progress = () => {}) {
  const started = performance.now();
  const database = siteDatabase(site);
  prepareTarget(dir);

  progress(database.snapshotNote);
  const databaseFile = DATABASE_FILES[database.engine];
  const snapshot = await database.snapshot(path.join(dir, databaseFile));
  const relatives = [databaseFile, ...(await backUpSiteFiles(site, dir, progress))];

  progress("正在计算校验值…");
  const files = [];
  for (const relative of relatives) files.push(await describeFile(dir, relative));
  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    engine: database.engine,
    tickets: snapshot.tickets,
    migration: snapshot.migration,
    files,
  };
  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: PRIVATE_FILE, flag: "wx" });
  return {
    dir: path.resolve(dir),
    createdAt: manifest.createdAt,
    engine: manifest.engine,
    tickets: manifest.tickets,
    migration: manifest.migration,
    photos: relatives.filter((relative) => relative.startsWith(`${UPLOADS_FOLDER}/`)).length,
    authSecret: relatives.includes(AUTH_SECRET_FILE),
    bytes: files.reduce((sum, f) => sum + f.size, 0),
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
