// The drill-down's Excel export: the whole list (every page), the page's columns, the same scope.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { GET as exportDrilldown } from "@/app/(staff)/dashboard/tickets/export/route";
import { drilldown } from "@/lib/dal/metrics/drilldown";
import { drilldownQuerySchema } from "@/lib/validation/metrics";
import { actorOf, requestAs } from "../support/actors";

describe("GET /dashboard/tickets/export", () => {
  it("exports the whole list as .xlsx, every page, with the same columns", async () => {
    const query = "metric=satisfactionRate&part=den&from=2022-01-01&to=2023-01-01&unit=ZQ1";
    const response = await exportDrilldown(await requestAs("manager", `/dashboard/tickets/export?${query}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("attachment;");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("明细")!;
    const total = (await drilldown(await actorOf("manager"), drilldownQuerySchema.parse(Object.fromEntries(new URLSearchParams(query))))).total;
    expect(total).toBeGreaterThan(50); // more than one page
    expect(sheet.getCell("A1").value).toBe("执勤一大队 · 2022年 · 满意率 分母（已评价）");
    expect((sheet.getRow(4).values as ExcelJS.CellValue[]).slice(1)).toEqual(["工单编号", "标题", "类型 / 分类", "承办单位", "状态", "受理时间", "办结时间", "是否解决", "满意度", "评价意见"]);
    expect(sheet.rowCount).toBe(4 + total);
    // A lead may not export another unit's list.
    expect((await exportDrilldown(await requestAs("zq1.lead", `/dashboard/tickets/export?${query.replace("ZQ1", "ZQ2")}`))).status).toBe(403);
  });

});
