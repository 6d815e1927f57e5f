// Start-up check of the data folder and database file, so that a site that cannot write says
// which file and why, in words, before migrations fail with an engine's error id.
import { closeSync, existsSync, openSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const REASONS: Record<string, string> = {
  EACCES: "没有写入权限（请检查文件属主和权限，例如 chown/chmod）",
  EPERM: "不允许写入（文件可能被设为不可修改，例如 chattr +i）",
  EROFS: "所在文件系统为只读挂载",
  ENOSPC: "磁盘空间已满",
  EDQUOT: "磁盘配额已用尽",
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? "";
  return `${REASONS[code] ?? (error instanceof Error ? error.message : String(error))}${code ? `（${code}）` : ""}`;
}

/**
 * Throws an Error whose message names the file or folder that cannot be written and why. Opens
 * the files for writing rather than asking access(): as root, access() says yes to a read-only
 * mount or an immutable file.
 */
export function assertWritableStorage(databasePath: string): void {
  const dir = path.dirname(databasePath);
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    writeFileSync(probe, "");
    rmSync(probe, { force: true });
  } catch (error) {
    throw new Error(`无法在数据目录 ${dir} 中写入文件：${reasonOf(error)}。数据库需要在此目录创建日志文件（-wal、-shm）`);
  }
  for (const file of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) {
    if (!existsSync(file)) continue;
    try {
      closeSync(openSync(file, "r+"));
    } catch (error) {
      throw new Error(`无法写入数据库文件 ${file}：${reasonOf(error)}`);
    }
  }
}
