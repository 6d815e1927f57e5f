import { expect, test, type Page } from "@playwright/test";
import { FROM_OUR_PAGES, loginAs } from "./support/auth";

const INTERNAL_NOTE = "内部记录：已请市政部门核实信号机故障";

/** A fresh ZQ1 ticket, signed and with an internal note, through the API to keep the journey short. */
async function ticketWithHistory(page: Page): Promise<string> {
  await loginAs(page, "dispatcher");
  const created = await page.request.post("/api/v1/tickets", {
    headers: FROM_OUR_PAGES,
    data: {
      type: "COMPLAINT",
      category: "TRAFFIC_ORG",
      title: "路口信号灯配时不合理",
      content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
      district: "东城区",
      place: "光岳路与东昌路路口",
      phone: `136${String(Date.now()).slice(-8)}`,
    },
  });
  expect(created.status()).toBe(201);
  const { no } = (await created.json()) as { no: string };
  await page.context().clearCookies();
  await loginAs(page, "zq1.handler");
  let version = 1;
  for (const step of [{ action: "sign" }, { action: "note", text: INTERNAL_NOTE }]) {
    const response = await page.request.post(`/api/v1/tickets/${no}/actions`, { headers: FROM_OUR_PAGES, data: { ...step, version } });
    expect(response.status(), step.action).toBe(200);
    version = ((await response.json()) as { version: number }).version;
  }
  return no;
}

test("item 18: the handler prints a 工单办理单 with the whole history; the buttons stay off the paper", async ({ page }) => {
  const no = await ticketWithHistory(page);
  await page.goto(`/tickets/${no}`);
  await page.getByRole("link", { name: "打印办理单" }).click();
  await expect(page).toHaveURL(`/tickets/${no}/print`);
  await expect(page).toHaveTitle(new RegExp(`工单办理单 ${no}`));

  const doc = page.getByTestId("ticket-printout");
  await expect(doc.getByRole("heading", { name: "工单办理单" })).toBeVisible();
  await expect(page.getByTestId("printout-no")).toHaveText(no);
  await expect(page.getByTestId("printout-unit")).toHaveText("执勤一大队");
  // Public and internal steps alike, in the ticket page's words.
  const events = page.getByTestId("printout-event");
  await expect(events.filter({ hasText: "受理" }).first()).toHaveAttribute("data-visibility", "PUBLIC");
  await expect(events.filter({ hasText: INTERNAL_NOTE })).toHaveAttribute("data-visibility", "INTERNAL");
  for (const line of ["承办人：", "审核人：", "日期："]) await expect(page.getByTestId("printout-signatures")).toContainText(line);

  const printButton = page.getByRole("button", { name: "打印" });
  await expect(printButton).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(printButton).toBeHidden();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(doc).toBeVisible();
});

test("item 19: anyone reads each brigade's figures on /open — ZQ1's 2022 is 1476, 100.00%, 93.03%", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "数据公开" }).click();
  await expect(page).toHaveURL("/open");
  await expect(page.getByRole("heading", { name: "数据公开" })).toBeVisible();
  await expect(page.getByTestId("open-period")).toHaveText(`${new Date().getFullYear()}年各大队办理情况`);

  await page.getByRole("link", { name: "2022年" }).click();
  await expect(page).toHaveURL("/open?year=2022");
  const zq1 = page.locator('[data-testid="open-row"][data-unit="ZQ1"]');
  await expect(zq1.locator('[data-metric="received"]')).toHaveText("1476");
  await expect(zq1).toContainText("100.00%");
  await expect(zq1).toContainText("93.03%");
  await expect(zq1).toContainText("1335 / 1435");
  await expect(page.getByTestId("open-row")).toHaveCount(6);
  await expect(page.getByTestId("open-notes")).toContainText("满意率 = ");

  await page.getByRole("group", { name: "月份" }).getByRole("link", { name: "3月", exact: true }).click();
  await expect(page).toHaveURL("/open?year=2022&month=3");
  await expect(page.getByTestId("open-period")).toHaveText("2022年3月各大队办理情况");

  await page.goto("/open?year=2999");
  await expect(page.getByTestId("open-error")).toContainText("2999年尚未开始");
});
