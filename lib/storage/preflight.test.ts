import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertWritableStorage, unwritableStorage } from "@/lib/storage/preflight";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    execFileSync("chattr", ["-R", "-i", dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "jsjb-preflight-"));
  dirs.push(dir);
  const file = path.join(dir, "app.db");
  writeFileSync(file, "");
  return file;
}

describe("start-up storage check", () => {
  it("passes a writable site", () => {
    expect(unwritableStorage(site())).toBeNull();
  });

  it("names the database file and why it cannot be written (even as root)", () => {
    const file = site();
    execFileSync("chattr", ["+i", file]);
    expect(() => assertWritableStorage(file)).toThrow(`无法写入数据库文件 ${file}：不允许写入（文件可能被设为不可修改，例如 chattr +i）（EPERM）`);
  });

  it("names the data folder when the WAL could not be created beside the file", () => {
    const file = site();
    execFileSync("chattr", ["+i", path.dirname(file)]);
    expect(unwritableStorage(file)).toMatchObject({ file: path.dirname(file), code: "EPERM" });
  });
});
