import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readImportFile } from "./read";

const bytes = (text: string) => new TextEncoder().encode(text);

async function xlsx(rows: unknown[][], numFmt?: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("承办单");
  for (const row of rows) sheet.addRow(row);
  if (numFmt) sheet.getColumn(2).numFmt = numFmt;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("readImportFile: CSV", () => {
  it("numbers rows by the line they start on, across quoted line breaks and blank lines", async () => {
    const file = await readImportFile(
      "batch.CSV",
      bytes('编号,内容\r\nA,"第一行\r\n第二行, 含逗号"\r\n\r\nB,"说""引号"""\r\nC,末行\r\n\r\n\r\n'),
    );
    expect(file.header).toEqual(["编号", "内容"]);
    expect(file.encoding).toBe("utf-8");
    expect(file.rows).toEqual([
      { line: 2, cells: { 编号: "A", 内容: "第一行\r\n第二行, 含逗号" } },
      { line: 5, cells: { 编号: "B", 内容: '说"引号"' } },
      { line: 6, cells: { 编号: "C", 内容: "末行" } },
    ]);
  });

  it("handles LF-only files and rows of empty cells", async () => {
    const file = await readImportFile("a.csv", bytes("编号,内容\n,\nA,x\n"));
    expect(file.rows).toEqual([{ line: 3, cells: { 编号: "A", 内容: "x" } }]);
  });

  it("ignores empty trailing header cells but flags data in cells beyond the header", async () => {
    const file = await readImportFile("a.csv", bytes("编号,内容,,\r\nA,x,,\r\nB,有,逗号\r\n"));
    expect(file.header).toEqual(["编号", "内容"]);
    expect(file.rows[0]).toEqual({ line: 2, cells: { 编号: "A", 内容: "x" } });
    expect(file.rows[1]?.problems).toEqual([expect.stringContaining("多出 1 个单元格")]);
  });

  it("flags rows with too few cells and an unclosed quote", async () => {
    const file = await readImportFile("a.csv", bytes('编号,内容,电话\r\nA,x\r\nB,"没闭合,1\r\n'));
    expect(file.rows.map((r) => [r.line, r.problems])).toEqual([
      [2, [expect.stringContaining("只有 2 列")]],
      [3, [expect.stringContaining("引号没有闭合"), expect.stringContaining("只有 2 列")]],
    ]);
  });

  it("rejects other file types in Chinese", async () => {
    await expect(readImportFile("batch.xls", bytes(""))).rejects.toThrow(/另存为 \.xlsx/);
    await expect(readImportFile("batch.txt", bytes(""))).rejects.toThrow("不支持的文件类型“batch.txt”");
    await expect(readImportFile("batch", bytes(""))).rejects.toThrow(/不支持的文件类型/);
  });
});

describe("readImportFile: XLSX", () => {
  it("formats date cells as the Shanghai wall-clock time the clerk typed", async () => {
    // exceljs stores and returns the wall clock as UTC fields: 02:59 typed is 02:59Z here.
    const file = await readImportFile(
      "a.xlsx",
      await xlsx(
        [
          ["编号", "时间", "电话"],
          ["A", new Date(Date.UTC(2025, 2, 2, 2, 59)), 13800000000],
          ["B", new Date(Date.UTC(2025, 2, 2, 23, 30, 15)), "13900000000"],
          // Excel serials are floats: a hair under a minute must not read as 08:29.
          ["C", new Date(Date.UTC(2025, 2, 3, 8, 30) - 1), null],
        ],
        "yyyy-mm-dd hh:mm",
      ),
    );
    expect(file.encoding).toBeUndefined();
    expect(file.header).toEqual(["编号", "时间", "电话"]);
    expect(file.rows).toEqual([
      { line: 2, cells: { 编号: "A", 时间: "2025-03-02 02:59", 电话: "13800000000" } },
      { line: 3, cells: { 编号: "B", 时间: "2025-03-02 23:30:15", 电话: "13900000000" } },
      { line: 4, cells: { 编号: "C", 时间: "2025-03-03 08:30", 电话: "" } },
    ]);
  });

  it("keeps sheet row numbers across blank rows and reads rich text, links and formulas", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("s");
    sheet.getRow(1).values = ["编号", "内容"];
    sheet.getRow(3).values = ["A", { richText: [{ text: "加粗" }, { text: "正文" }] }];
    sheet.getRow(4).values = ["B", { text: "链接文字", hyperlink: "https://example.com" }];
    sheet.getRow(5).values = [{ formula: '"C"&"1"', result: "C1" }, "x"];
    const file = await readImportFile("a.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(file.rows).toEqual([
      { line: 3, cells: { 编号: "A", 内容: "加粗正文" } },
      { line: 4, cells: { 编号: "B", 内容: "链接文字" } },
      { line: 5, cells: { 编号: "C1", 内容: "x" } },
    ]);
  });

  it("rejects a file that is not a workbook", async () => {
    await expect(readImportFile("a.xlsx", bytes("工单编号,来源渠道"))).rejects.toThrow(/无法读取该 Excel 文件/);
  });
});
