import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/(staff)/reports/export/route";
import { hashPassword } from "@/lib/auth/password";
import { dashboard } from "@/lib/dal/metrics/dashboard";
import { db } from "@/lib/db";
import { roundHalfUp, type Rate } from "@/lib/domain/metrics";
import { periodContaining } from "@/lib/domain/periods";
import { actorOf, requestAs } from "../support/actors";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The cell value of a rate: the displayed percentage as a fraction (93.03% → 0.9303). */
const rateCell = (rate: Rate) => roundHalfUp(rate.num, rate.den, 4, 1);

const exportAs = async (username: string, search: string) => GET(await requestAs(username, `/reports/export?${search}`));

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** 总体's row for one 指标, keyed by the table's header. */
function overallRow(workbook: ExcelJS.Workbook, label: string): Record<string, ExcelJS.CellValue> {
  const sheet = workbook.getWorksheet("总体")!;
  let header: string[] = [];
  let found: Record<string, ExcelJS.CellValue> | undefined;
  sheet.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (values[0] === "指标") header = values.map(String);
    else if (header.length > 0 && values[0] === label) found = Object.fromEntries(header.map((h, i) => [h, values[i] ?? null]));
  });
  if (!found) throw new Error(`总体 has no row ${label}`);
  return found;
}

describe("GET /reports/export", () => {
  it("gives a manager ZQ1's 2022 annual report as .xlsx", async () => {
    const response = await exportAs("manager", "kind=year&at=2022-06-01&unit=ZQ1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(XLSX);
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toContain('filename="jsjb-year-report-2022-ZQ1.xlsx"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("接诉即办年报-2022年-执勤一大队.xlsx")}`);

    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["总体", "按单位", "按分类", "按渠道", "按月"]);
    expect(workbook.getWorksheet("总体")!.getCell("B3").value).toBe("执勤一大队");
    expect(workbook.getWorksheet("按月")!.rowCount).toBe(13); // header + 12 months

    // The demo history (prisma/seed/history/) is meant to give ZQ1's 2022 as
    // 1476 received, 解决率 1435/1435, 满意率 1335/1435 = 93.03%; the export must say what the
    // dashboard says, whatever the seed holds.
    const { current } = await dashboard(await actorOf("manager"), { kind: "year", period: periodContaining("year", "2022-06-01"), unit: "ZQ1" });
    expect(current.received).toBeGreaterThan(0);
    expect(overallRow(workbook, "受理量")).toMatchObject({ 本期: current.received });
    for (const [label, rate] of [
      ["满意率", current.satisfactionRate],
      ["解决率", current.resolutionRate],
    ] as const) {
      expect(overallRow(workbook, label)).toMatchObject({ 分子: rate.num, 分母: rate.den, 本期: rateCell(rate) });
    }
  });

  it("agrees with the dashboard's figures for the same period", async () => {
    const manager = await actorOf("manager");
    const report = await dashboard(manager, { kind: "year", period: periodContaining("year", "2022-01-01") });
    const workbook = await workbookOf(await exportAs("manager", "kind=year&at=2022-01-01"));
    expect(overallRow(workbook, "受理量").本期).toBe(report.current.received);
    expect(overallRow(workbook, "按时办结率")).toMatchObject({
      分子: report.current.onTimeRate.num,
      分母: report.current.onTimeRate.den,
      本期: rateCell(report.current.onTimeRate),
    });
    expect(workbook.getWorksheet("按单位")!.rowCount).toBe(1 + report.breakdowns.unit.length);
  });

  it("refuses another unit's report to a brigade lead (403)", async () => {
    const zq2 = await db.unit.findUniqueOrThrow({ where: { code: "ZQ2" } });
    await db.user.create({
      data: { username: "zq2.lead", displayName: "二大队 领导", role: "LEAD", unitId: zq2.id, passwordHash: await hashPassword("unused-in-this-test") },
    });
    const response = await exportAs("zq2.lead", "kind=year&at=2022-06-01&unit=ZQ1");
    expect(response.status).toBe(403);
    expect((await response.json()).error).toBe("只能查看本单位的统计");

    const own = await exportAs("zq2.lead", "kind=month&at=2022-01-15");
    expect(own.status).toBe(200);
    expect((await workbookOf(own)).getWorksheet("总体")!.getCell("B3").value).toBe("执勤二大队");
  });

  it("refuses roles without the dashboard (403)", async () => {
    expect((await exportAs("zq1.handler", "kind=year&at=2022-06-01")).status).toBe(403);
  });

  it("answers bad parameters with 400 and Chinese messages", async () => {
    const response = await exportAs("manager", "kind=week&at=2022-02-30");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: "kind", message: "报表类型应为 month（月报）、quarter（季报）或 year（年报）" },
        { field: "at", message: "报表日期 at 应为有效日期，格式 YYYY-MM-DD，例如 2022-01-01" },
      ]),
    );
    const missing = await (await exportAs("manager", "kind=month")).json();
    expect(missing.errors[0]).toMatchObject({ field: "at", message: expect.stringContaining("请填写报表日期") });
    const unknownUnit = await exportAs("manager", "kind=month&at=2022-01-01&unit=NOPE");
    expect(unknownUnit.status).toBe(400);
    expect((await unknownUnit.json()).errors[0].message).toBe("单位代码「NOPE」不存在");
  });
});
