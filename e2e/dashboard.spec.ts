import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { loginAs } from "./support/auth";

// The seeded year the product is modelled on: the Liaocheng brigade's 2022, as ZQ1's demo history.
const ZQ1_2022 = "/dashboard?kind=year&at=2022-06-01&unit=ZQ1";

test("the manager's dashboard shows ZQ1's 2022: 1476 tickets, 解决率 100.00%, 满意率 93.03%", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto(ZQ1_2022);
  await expect(page.getByTestId("kpi-received").getByTestId("kpi-value")).toHaveText("1476");
  await expect(page.getByTestId("kpi-resolutionRate").getByTestId("kpi-value")).toHaveText("100.00%");
  await expect(page.getByTestId("kpi-satisfactionRate").getByTestId("kpi-value")).toHaveText("93.03%");
  await expect(page.getByTestId("kpi-satisfactionRate").getByTestId("kpi-num")).toHaveText("1335");
  await expect(page.getByTestId("kpi-satisfactionRate").getByTestId("kpi-den")).toHaveText("1435");
  // The charts render (ECharts draws on a canvas).
  await expect(page.locator("canvas").first()).toBeVisible();
});

test("a drill-down lists as many tickets as its figure", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto(ZQ1_2022);
  const card = page.getByTestId("kpi-satisfactionRate");
  const den = (await card.getByTestId("kpi-den").textContent())!.trim();
  await card.getByTestId("kpi-den").click();
  await expect(page).toHaveURL(/\/dashboard\/tickets\?/);
  await expect(page.getByTestId("drilldown-total")).toContainText(den);
  await expect(page.getByTestId("ticket-row")).toHaveCount(50); // first page of 1435

  await page.goto(ZQ1_2022);
  const unsatisfied = Number((await page.getByTestId("kpi-reopenRate").getByTestId("kpi-num").textContent())!.trim());
  await page.getByTestId("kpi-reopenRate").getByTestId("kpi-num").click();
  await expect(page.getByTestId("drilldown-total")).toContainText(String(unsatisfied));
  await expect(page.getByTestId("ticket-row")).toHaveCount(Math.min(unsatisfied, 50));
});

test("the exported .xlsx, parsed back, matches the screen", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto(ZQ1_2022);
  const screen = {
    received: (await page.getByTestId("kpi-received").getByTestId("kpi-value").textContent())!.trim(),
    satisfaction: (await page.getByTestId("kpi-satisfactionRate").getByTestId("kpi-value").textContent())!.trim(),
    resolution: (await page.getByTestId("kpi-resolutionRate").getByTestId("kpi-value").textContent())!.trim(),
  };

  await page.goto("/reports");
  const response = await page.request.get("/reports/export?kind=year&at=2022-06-01&unit=ZQ1");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.body()) as unknown as ArrayBuffer);
  const overall = workbook.getWorksheet("总体")!;
  const rowOf = (label: string) => {
    let found: ExcelJS.Row | undefined;
    overall.eachRow((row) => {
      if (row.getCell(1).text === label) found = row;
    });
    return found!;
  };
  // 本期 (column 4) is a number: a count, or a rate with Excel's 0.00% format.
  const current = (label: string) => rowOf(label).getCell(4);
  const asPercent = (cell: ExcelJS.Cell) => `${(Number(cell.value) * 100).toFixed(2)}%`;
  expect(String(current("受理量").value)).toBe(screen.received);
  expect(current("满意率").numFmt).toBe("0.00%");
  expect(asPercent(current("满意率"))).toBe(screen.satisfaction);
  expect(asPercent(current("解决率"))).toBe(screen.resolution);
});

test("a brigade lead sees their own unit's dashboard only", async ({ page }) => {
  await loginAs(page, "zq1.lead");
  await page.goto("/dashboard?kind=year&at=2022-06-01");
  await expect(page.getByTestId("kpi-received").getByTestId("kpi-value")).toHaveText("1476");
  await expect(page.getByTestId("unit-row")).toHaveCount(1);
  const other = await page.request.get("/api/v1/metrics?from=2022-01-01&to=2023-01-01&unit=ZQ2");
  expect(other.status()).toBe(403);
});

test("handlers have no dashboard", async ({ page }) => {
  await loginAs(page, "zq1.handler");
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(403);
});
