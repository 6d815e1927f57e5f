import { describe, expect, it } from "vitest";
import { readImportFile } from "./read";
import { readSwitchRows } from "./switch-rows";

const read = async (csv: string) => readSwitchRows(await readImportFile("switch.csv", new TextEncoder().encode(csv)));

describe("switch report rows", () => {
  it("reads centre and agent hours under the header names switches use", async () => {
    const result = await read(["时间,工号,呼入,接通,放弃", "2026/11/30 9:00,,120,110,10", "2026-11-30 09,1001,40,39,1"].join("\n"));
    expect(result.problems).toEqual([]);
    expect(result.intervals).toEqual([
      { hourAt: new Date("2026-11-30T01:00:00Z"), agent: "", offered: 120, answered: 110, abandoned: 10 },
      { hourAt: new Date("2026-11-30T01:00:00Z"), agent: "1001", offered: 40, answered: 39, abandoned: 1 },
    ]);
  });

  it("names each wrong line and a missing column", async () => {
    expect((await read("时段,呼入量,接通量\n2026-11-30 09:00,1,1")).problems).toEqual([{ line: 1, message: expect.stringContaining("放弃量") }]);
    const result = await read(["时段,呼入量,接通量,放弃量", "2026-11-30 09:00,10,9,1", "2026-11-30 09:00,10,9,1", "昨天,1,1,0", "2026-11-30 10:00,5,x,0"].join("\n"));
    expect(result.problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(result.problems[0]!.message).toContain("第 2 行");
    expect((await read("时段,呼入量,接通量,放弃量\n")).problems).toEqual([{ line: 1, message: "文件中没有统计数据" }]);
  });
});
