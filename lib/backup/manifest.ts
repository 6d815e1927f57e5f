import "server-only";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { DatabaseEngine } from "@/lib/env";

// manifest.json, written last: its presence marks a complete backup, and its checksums let a
// restore refuse a damaged or tampered copy before it touches the site.

export const MANIFEST = "manifest.json";
/** The database's file in a backup: a SQLite file, or a pg_dump archive (custom format). */
export const DATABASE_FILES: Record<DatabaseEngine, string> = { sqlite: "app.db", postgresql: "app.pgdump" };
export const UPLOADS_FOLDER = "uploads";
export const AUTH_SECRET_FILE = "auth-secret";

export type ManifestFile = { path: string; size: number; sha256: string };
export type Manifest = {
  format: 1;
  createdAt: string;
  /** Absent in backups made before PostgreSQL was supported: those are SQLite. */
  engine?: DatabaseEngine;
  tickets: number;
  /**
   * The newest applied migration (SQLite: Prisma's; PostgreSQL: _jsjb_migrations): a restore onto
   * older code would not know its columns.
   */
  migration: string | null;
  files: ManifestFile[];
};

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function describeFile(dir: string, relative: string): Promise<ManifestFile> {
  const file = path.join(dir, relative);
  return { path: relative, size: (await stat(file)).size, sha256: await sha256File(file) };
}

/** The backup's manifest, once every file it lists is there with its size and checksum. */
export async function readVerifiedManifest(dir: string): Promise<Manifest> {
  const manifestFile = path.join(dir, MANIFEST);
  if (!existsSync(manifestFile)) throw new Error(`${dir} 不是完整的备份（缺少 ${MANIFEST}）`);
  const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
  if (manifest.format !== 1 || !Array.isArray(manifest.files)) throw new Error(`${manifestFile} 格式无法识别`);
  for (const expected of manifest.files) {
    // Paths come from the file: never let one point outside the backup.
    if (path.isAbsolute(expected.path) || expected.path.split(/[\\/]/).includes("..")) {
      throw new Error(`备份清单中的路径无效：${expected.path}`);
    }
    const file = path.join(dir, expected.path);
    if (!existsSync(file)) throw new Error(`备份缺少文件 ${expected.path}`);
    const actual = await describeFile(dir, expected.path);
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256) {
      throw new Error(`备份文件 ${expected.path} 校验失败（大小或 SHA-256 不符），备份已损坏`);
    }
  }
  const databaseFile = DATABASE_FILES[manifestEngine(manifest)];
  if (!databaseFile) throw new Error(`${manifestFile} 中的数据库类型无法识别：${manifest.engine}`);
  if (!manifest.files.some((f) => f.path === databaseFile)) throw new Error(`备份中没有数据库文件 ${databaseFile}`);
  return manifest;
}

export const manifestEngine = (manifest: Manifest): DatabaseEngine => manifest.engine ?? "sqlite";
