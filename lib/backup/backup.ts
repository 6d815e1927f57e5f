import "server-only";
import { chmodSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { copyFile, writeFile } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { AUTH_SECRET_FILE, DATABASE_FILE, describeFile, MANIFEST, UPLOADS_FOLDER, type Manifest } from "./manifest";
import { filesIn, PRIVATE_DIR, PRIVATE_FILE, ticketCount, type Site } from "./site";

export type Progress = (line: string) => void;

/** A new, empty, owner-only folder for the backup; an existing non-empty one is refused. */
function prepareTarget(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length) throw new Error(`备份目录 ${dir} 不为空，请指定一个新的或空的目录`);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(dir, PRIVATE_DIR);
}

/**
 * The database as of one instant, while the server keeps writing. VACUUM INTO reads inside one
 * read transaction — WAL readers never block writers nor wait for them — and writes a compact,
 * self-contained file. (The online backup API restarts whenever another connection writes and
 * never finished under load; a file copy tears the database and its WAL apart.)
 */
function snapshotDatabase(source: string, target: string): void {
  const db = new Database(source, { fileMustExist: true });
  try {
    // Only reads (VACUUM INTO leaves its source alone). A separate process, the CLI: waiting
    // here blocks nobody else.
    db.pragma("busy_timeout = 10000");
    db.prepare("VACUUM INTO ?").run(target);
  } finally {
    db.close();
  }
  chmodSync(target, PRIVATE_FILE);
}

function latestMigration(databasePath: string): string | null {
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    const row = db.prepare(`SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL ORDER BY "migration_name" DESC LIMIT 1`).get() as
      | { name: string }
      | undefined;
    return row?.name ?? null;
  } catch {
    return null; // not created by prisma migrate
  } finally {
    db.close();
  }
}

async function copyPrivate(source: string, target: string): Promise<void> {
  await copyFile(source, target);
  chmodSync(target, PRIVATE_FILE);
}

/**
 * Backs the site up into `dir` while it keeps serving. The database goes first: photos are
 * stored before the ticket that names them commits, so every photo of a ticket in the snapshot
 * is already on disk when the photos are copied after it (later photos come along harmlessly).
 */
export async function createBackup(site: Site, dir: string, progress: Progress = () => {}) {
  const started = performance.now();
  if (!existsSync(site.databasePath)) throw new Error(`找不到数据库文件 ${site.databasePath}`);
  prepareTarget(dir);

  progress("正在复制数据库（VACUUM INTO，服务可继续使用）…");
  const databaseCopy = path.join(dir, DATABASE_FILE);
  snapshotDatabase(site.databasePath, databaseCopy);
  const relatives = [DATABASE_FILE];

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

  progress("正在计算校验值…");
  const files = [];
  for (const relative of relatives) files.push(await describeFile(dir, relative));
  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    tickets: ticketCount(databaseCopy),
    migration: latestMigration(databaseCopy),
    files,
  };
  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: PRIVATE_FILE, flag: "wx" });
  return {
    dir: path.resolve(dir),
    createdAt: manifest.createdAt,
    tickets: manifest.tickets,
    migration: manifest.migration,
    photos: photos.length,
    authSecret: relatives.includes(AUTH_SECRET_FILE),
    bytes: files.reduce((sum, f) => sum + f.size, 0),
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
