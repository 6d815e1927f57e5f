import { describe, expect, it } from "vitest";
import type { WorkbenchRow } from "@/lib/dal/workbench";
import { buildWorkbenchWorkbook } from "./workbench-sheet";

const row: WorkbenchRow = {
  no: "20261130000001",
  version: 3,
  title: "学校门口拥堵",
  status: "IN_PROGRESS",
  type: "COMPLAINT",
  category: "CONGESTION",
  urgency: "NORMAL",
  ownerUnit: "ZQ1",
  ownerUnitName: "执勤一大队",
  supervised: true,
  receivedAt: new Date("2026-11-30T00:30:00Z"),
  dueAt: new Date("2026-12-07T09:30:00Z"),
  escalationAt: new Date("2026-11-30T04:30:00Z"),
  flags: { sign: null, contact: "OVERDUE", close: "OK" },
  deadline: "OVERDUE",
};

describe("the workbench export sheet", () => {
  it("writes one row per ticket in Chinese, with local times", () => {
    const sheet = buildWorkbenchWorkbook("工作台 · 我的待办", [row], new Date("2026-11-30T08:00:00Z")).getWorksheet("工单列表")!;
    expect(sheet.getCell("A2").value).toBe("导出时间：2026-11-30 16:00，共 1 件");
    expect(sheet.getRow(5).values).toEqual([
      undefined, "20261130000001", "学校门口拥堵", "投诉", "疏堵保畅", "一般", "执勤一大队", "办理中", "是",
      "2026-11-30 08:30", "2026-11-30 12:30", "2026-12-07 17:30", "超期",
    ]);
  });

  it("says so when the list was longer than the export takes", () => {
    const sheet = buildWorkbenchWorkbook("工作台 · 全部", [row], new Date(), { capped: true }).getWorksheet("工单列表")!;
    expect(String(sheet.getCell("A2").value)).toContain("只导出了前 1 件，请缩小筛选范围");
    expect(sheet.getCell("A3").value).toBeNull();
  });

  it("says so when a search in the words read only the newest tickets", () => {
    const searched = { tickets: 20_000, since: new Date("2026-11-20T02:00:00Z") };
    const sheet = buildWorkbenchWorkbook("工作台 · 全部", [row], new Date(), { searched }).getWorksheet("工单列表")!;
    expect(sheet.getCell("A3").value).toBe("文字搜索只查找了最近受理的 20,000 件工单（2026-11-20 10:00 以来）");
  });
});
