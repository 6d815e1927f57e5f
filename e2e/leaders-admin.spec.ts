// Issue 13, leaders and administrators: like-for-like comparisons and one unit's rank (item 11),
// the 满意率 drill-down with verdicts, comments, 不满意 and export (item 12), a paged and filtered
// 回访 queue and a whole year's calendar at once (item 16), dates as YYYY-MM-DD (item 13).
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { loginAs } from "./support/auth";

const shanghaiMonth = () => Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", month: "numeric" }).format(new Date()));

test("the dashboard compares with the same days last year, hides months to come, and ranks one unit among all", async ({ page }) => {
  await loginAs(page, "zq1.lead");
  await page.goto("/dashboard?kind=year&at=2025-06-30");
  await expect(page.getByTestId("dashboard-comparison")).toHaveText("对比口径：同比（去年同期），即 2024年");
  await expect(page.getByTestId("kpi-received")).toContainText("去年同期");
  await expect(page.getByTestId("unit-standing")).toContainText(/第 \d+ \/ \d+ 名/);

  // The running year: the same days of last year, and no empty months still to come.
  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-comparison")).toContainText(/同期（\d{4}-01-01 至 \d{4}-\d{2}-\d{2}）/);
  await expect(page.getByTestId("month-row")).toHaveCount(shanghaiMonth());
});

test("the 满意率 drill-down shows each verdict and comment, lists the 不满意 tickets and exports them", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/dashboard?kind=year&at=2022-06-01&unit=ZQ1");
  await page.getByTestId("kpi-unsatisfied").click();
  await expect(page.getByTestId("drilldown-title")).toHaveText("执勤一大队 · 2022年 · 满意率 分母（已评价） · 仅不满意");
  await expect(page.getByRole("columnheader", { name: "评价意见" })).toBeVisible();
  const verdicts = page.getByTestId("cell-satisfaction");
  await expect(verdicts.first()).toHaveText("不满意");
  expect(new Set(await verdicts.allTextContents())).toEqual(new Set(["不满意"]));
  const total = Number((await page.getByTestId("drilldown-total").textContent())!.replace(/\D/g, ""));

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("drilldown-export").click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet("明细")!;
  expect(sheet.rowCount).toBe(4 + total);
  expect(sheet.getRow(5).getCell(9).value).toBe("不满意");
});

test("the 回访 queue is paged and filtered by unit", async ({ page }) => {
  await loginAs(page, "dispatcher");
  await page.goto("/callbacks");
  const all = Number((await page.getByTestId("callback-count").textContent())!.replace(/\D/g, ""));
  await expect(page.getByTestId("callback-item")).toHaveCount(Math.min(all, 20));
  await page.getByLabel("承办单位").selectOption({ label: "执勤一大队" });
  await page.getByLabel("回访情况").selectOption({ label: "未拨打" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/unit=ZQ1/);
  await expect(page).toHaveURL(/attempts=none/);
  const filtered = Number((await page.getByTestId("callback-count").textContent())!.replace(/\D/g, ""));
  expect(filtered).toBeLessThanOrEqual(all);
  await expect(page.getByLabel("承办单位")).toHaveValue("ZQ1");
});

test("the calendar takes a whole year from the notice's text, previews it and shows the year saved", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/calendar?year=2026");
  await page
    .getByTestId("calendar-import-text")
    .fill("国务院办公厅关于2031年部分节假日安排的通知\n一、元旦：1月1日（周三）放假，共1天。1月4日（周六）上班。\n2031-10-01,休,国庆节");
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByTestId("preview-row")).toHaveCount(3);
  await expect(page.getByTestId("calendar-preview")).toContainText("将登记 2031 年：法定节假日 2 天、调休上班 1 天");
  await page.getByRole("button", { name: "保存 2031 年" }).click();
  await expect(page).toHaveURL(/year=2031/);
  await expect(page.getByTestId("calendar-row")).toHaveCount(3);
  await expect(page.getByTestId("calendar-row").nth(1)).toContainText("2031-01-04");
});

test("date fields read and write YYYY-MM-DD", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/dashboard?kind=custom&from=2022-01-01&to=2022-01-31&unit=ZQ1");
  await expect(page.getByTestId("date-from")).toHaveValue("2022-01-01");
  await expect(page.getByTestId("date-to")).toHaveValue("2022-01-31");
  await page.getByTestId("date-to").fill("2022-02-28");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/to=2022-02-28/);
  await expect(page.getByTestId("dashboard-scope")).toHaveText("执勤一大队 · 2022-01-01 至 2022-02-28");
});
