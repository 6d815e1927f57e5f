// Can the database's folder and files be written? Asked at start-up, so that a site that cannot
// write says which file and why, in words, before migrations fail with an engine's error id; and
// by the checkpointer, to tell a read-only file from another I/O error.
import { closeSync, existsSync, openSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const REASONS: Record<string, string> = {
  EACCES: "没有写入权限（请检查文件属主和权限，例如 chown/chmod）",
  EPERM: "不允许写入（文件可能被设为不可修改，例如 chattr +i）",
  EROFS: "所在文件系统为只读挂载",
  ENOSPC: "磁盘空间已满",
  EDQUOT: "磁盘配额已用尽",
};

export type Unwritable = { file: string; code: string | null; message: string };

function unwritable(file: string, error: unknown, what: string): Unwritable {
  const code = (error as NodeJS.ErrnoException)?.code ?? null;
  const reason = (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  return { file, code, message: `${what} ${file}：${reason}${code ? `（${code}）` : ""}` };
}

/**
 * The first file or folder of the database that cannot be written, and why; null when all can.
 * Opens the files for writing rather than asking access(): as root, access() says yes to a
 * read-only mount or an immutable file.
 */
export function unwritableStorage(databasePath: string): Unwritable | null {
  const dir = path.dirname(databasePath);
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    writeFileSync(probe, "");
    rmSync(probe, { force: true });
  } catch (error) {
    return unwritable(dir, error, "无法在数据目录中写入文件（数据库需要在此创建 -wal、-shm 文件）");
  }
  for (const file of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) {
    // The comments keep the bundler from tracing the whole project for a path known at run time.
    if (!existsSync(/* turbopackIgnore: true */ file)) continue;
    try {
      closeSync(openSync(/* turbopackIgnore: true */ file, "r+"));
    } catch (error) {
      return unwritable(file, error, "无法写入数据库文件");
    }
  }
  return null;
}

/** Start-up: throws with the file and the reason when the database cannot be written. */
export function assertWritableStorage(databasePath: string): void {
  const problem = unwritableStorage(databasePath);
  if (problem) throw new Error(problem.message);
}
