// End to end over the real sample batch: bytes in, validated rows or `line, column, reason` out.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, parseImportFile, type ImportResult, type ImportRow } from "./index";

const sampleText = readFileSync(new URL("./fixtures/sample-12345-import.csv", import.meta.url), "utf8");
const sampleGb18030 = readFileSync(new URL("./fixtures/sample-gb18030.csv", import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

function rowsOf(result: ImportResult): ImportRow[] {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors, null, 1)}`);
  return result.rows;
}

function errorsOf(result: ImportResult) {
  if (result.ok) throw new Error("expected errors, got rows");
  return result.errors;
}

describe("parseImportFile: the sample batch", () => {
  it("reads all 20 rows without errors and maps them to codes", async () => {
    const rows = rowsOf(await parseImportFile("sample.csv", utf8(sampleText)));
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(rows[0]).toEqual({
      line: 2,
      externalId: "SAMPLE0000",
      channel: "PHONE_12123",
      receivedAt: new Date("2025-03-02T02:59:00+08:00"),
      type: "COMPLAINT",
      category: "CONGESTION",
      content: "学校门口上下学时段拥堵严重",
      title: "学校门口上下学时段拥堵严重",
      place: "花园北路158号附近",
      name: "李女士",
      phone: "13210655224",
      unitText: "ZQ3",
      signedAt: new Date("2025-03-02T03:37:00+08:00"),
      firstContactAt: new Date("2025-03-02T08:37:00+08:00"),
      repliedAt: new Date("2025-03-04T01:37:00+08:00"),
      closedAt: new Date("2025-03-07T04:37:00+08:00"),
      resolved: true,
      satisfaction: "SATISFIED",
    });
    // An open ticket: not replied, no evaluation, no unit named.
    expect(rows[6]).toMatchObject({ externalId: "SAMPLE0006", channel: "WEB", repliedAt: null, closedAt: null, resolved: null, satisfaction: null });
    expect(rows[3]).toMatchObject({ externalId: "SAMPLE0003", unitText: null, name: null, resolved: null, satisfaction: "NONE" });
    expect(rows[1]).toMatchObject({ unitText: "事故处理大队", satisfaction: "BASIC", category: "SERVICE" });
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(["PHONE_12123", "WEB", "WECHAT", "HOTLINE_12345"]));
    expect(rows.find((r) => r.externalId === "SAMPLE0011")?.channel).toBe("HOTLINE_12345");
    expect(rows.find((r) => r.externalId === "SAMPLE0008")?.channel).toBe("PHONE_12123");
  });

  it("gives the same rows from a GB18030 copy and from a copy with a BOM", async () => {
    const expected = rowsOf(await parseImportFile("sample.csv", utf8(sampleText)));
    expect(rowsOf(await parseImportFile("sample-gb.csv", sampleGb18030))).toEqual(expected);
    expect(rowsOf(await parseImportFile("sample-bom.csv", utf8(`\uFEFF${sampleText}`)))).toEqual(expected);
  });

  it("gives the same rows from an .xlsx with date cells, text times and numeric phones", async () => {
    const [header, ...lines] = sampleText.trim().split("\r\n").map((l) => l.split(","));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("承办单");
    sheet.addRow(header!);
    lines.forEach((cells, i) => {
      const values: unknown[] = [...cells];
      if (i % 2 === 0) {
        // 受理时间 as a real date cell: exceljs wants the wall clock in the Date's UTC fields.
        const [, y, mo, d, h, mi] = /^(\d+)-(\d+)-(\d+) (\d+):(\d+)$/.exec(cells[2]!)!.map(Number);
        values[2] = new Date(Date.UTC(y!, mo! - 1, d, h, mi));
        values[8] = Number(cells[8]);
      }
      sheet.addRow(values);
    });
    sheet.getColumn(3).numFmt = "yyyy-mm-dd hh:mm";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await parseImportFile("sample.xlsx", bytes);
    expect(rowsOf(result)).toEqual(rowsOf(await parseImportFile("sample.csv", utf8(sampleText))));
  });
});

describe("parseImportFile: a broken batch", () => {
  // SAMPLE0001's content gains a quoted line break, so every later row sits one line lower
  // in the file than in the sample: the expected lines below are file lines.
  const broken = sampleText
    .replace("13830573909", "1383057390") // SAMPLE0001, line 3: a 10-digit phone
    .replace("补领号牌流程咨询", '"补领号牌流程咨询，\r\n请告知所需材料"') // SAMPLE0001 spans lines 3–4
    .replace("SAMPLE0003,来电,2025-03-03 04:09,投诉", "SAMPLE0003,来电,2025-03-03 04:09,抱怨") // line 6
    .replace("2025-03-04 17:08", "2025/03/04 17:08") // SAMPLE0005, line 8: wrong date format
    .replace("2025-03-07 16:43,建议,事故处理,事故认定书迟迟未出具,建设路213号附近,王先生,13833068297,,2025-03-07 16:56",
      "2025-03-07 16:43,建议,事故处理,事故认定书迟迟未出具,建设路213号附近,王先生,13833068297,,2025-03-07 16:00") // SAMPLE0007, line 10: signed before received
    .replace("SAMPLE0010,", "SAMPLE0002,") // line 13: duplicate of SAMPLE0002 on line 5
    .replace("2025-03-17 01:50", "2025-02-30 01:50"); // SAMPLE0014, line 17: no such day

  it("lists every error with its line and column, counting a quoted line break", async () => {
    const errors = errorsOf(await parseImportFile("broken.csv", utf8(broken)));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, "联系电话"],
      [6, "诉求类型"],
      [8, "受理时间"],
      [10, "签收时间"],
      [13, "工单编号"],
      [17, "受理时间"],
    ]);
    const reasons = errors.map((e) => e.reason);
    expect(reasons[0]).toContain("不是 11 位大陆手机号");
    expect(reasons[1]).toContain("无法识别诉求类型“抱怨”");
    expect(reasons[1]).toContain("投诉、举报、求助、咨询、建议、表扬");
    expect(reasons[2]).toContain("“2025/03/04 17:08”不是有效的时间");
    expect(reasons[3]).toBe(
      "签收时间（2025-03-07 16:00）早于受理时间（2025-03-07 16:43），请核对：各环节时间应依次为 受理时间 ≤ 签收时间 ≤ 首次联系时间 ≤ 答复时间 ≤ 办结时间",
    );
    expect(reasons[4]).toContain("工单编号“SAMPLE0002”与第 5 行重复");
    expect(reasons[5]).toContain("“2025-02-30 01:50”不是有效的时间");
  });

  it("reports a missing column once, on line 1, and still checks the other columns", async () => {
    const dropSatisfaction = (line: string) => line.split(",").slice(0, -1).join(",");
    const text = sampleText.trim().split("\r\n").map(dropSatisfaction).join("\r\n").replace("13830573909", "1383057390");
    const errors = errorsOf(await parseImportFile("missing.csv", utf8(text)));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [1, "满意度"],
      [3, "联系电话"],
    ]);
    expect(errors[0]?.reason).toContain("表头缺少“满意度”列");
  });

  it("reports unknown and duplicated header columns", async () => {
    const text = sampleText.replace("工单编号,", "序号,").replace(",满意度", ",联系人");
    const errors = errorsOf(await parseImportFile("header.csv", utf8(text)));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [1, "工单编号"],
      [1, "满意度"],
      [1, "序号"],
      [1, "联系人"],
    ]);
    expect(errors[3]?.reason).toContain("出现了不止一次");
  });

  it("names the columns it expects", () => {
    expect(IMPORT_COLUMNS.join(",")).toBe(sampleText.split("\r\n")[0]);
  });
});
