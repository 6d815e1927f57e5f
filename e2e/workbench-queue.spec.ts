// The workbench as a queue (issue 13 items 8, 10, 7 and 1): 我的待办 first, where each role lands,
// bulk 签收, sorting and export, the phone layout, and merged calls on the master ticket.
import { expect, test, type Page } from "@playwright/test";
import { FROM_OUR_PAGES, loginAs } from "./support/auth";

/** Fresh ZQ1 complaints (through the API, as the dispatcher), titled `${tag}…`; returns their numbers. */
async function newZq1Tickets(page: Page, tag: string, contents: string[]): Promise<string[]> {
  await loginAs(page, "dispatcher");
  const numbers: string[] = [];
  for (const [i, content] of contents.entries()) {
    const response = await page.request.post("/api/v1/tickets", {
      headers: FROM_OUR_PAGES,
      data: { type: "COMPLAINT", category: "CONGESTION", title: `${tag}${i + 1}`, content, district: "东城区", place: "育才路小学门口", phone: `137${String(Date.now()).slice(-8)}` },
    });
    expect(response.status()).toBe(201);
    numbers.push(((await response.json()) as { no: string }).no);
  }
  return numbers;
}

test("a handler lands on 我的待办 without the owner column, and signs two tickets at once", async ({ page }) => {
  const tag = `批量签收${Date.now() % 100000}号`;
  const [a, b] = await newZq1Tickets(page, tag, ["早高峰学校门口拥堵严重。", "晚高峰学校门口同样拥堵。"]);
  await page.context().clearCookies();
  await loginAs(page, "zq1.handler");

  await page.goto("/workbench");
  await expect(page.getByTestId("tab-mine")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("ticket-owner")).toHaveCount(0);

  await page.goto(`/workbench?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("ticket-row")).toHaveCount(2);
  await page.getByLabel(`选择工单 ${a}`).check();
  await page.getByLabel(`选择工单 ${b}`).check();
  await page.getByLabel("批量操作").selectOption("sign");
  await page.getByRole("button", { name: "对勾选的工单执行" }).click();
  await expect(page.getByTestId("bulk-result")).toHaveText("成功 2 件。");
  for (const no of [a, b]) expect(((await (await page.request.get(`/api/v1/tickets/${no}`)).json()) as { status: string }).status).toBe("IN_PROGRESS");
  // Signed tickets still wait for contact: they stay in the queue, now 办理中.
  await expect(page.getByTestId("ticket-status").first()).toHaveText("办理中");

  // Sorting is in the URL; the export downloads the same list as a workbook.
  await page.getByTestId("sort-receivedAt").click();
  await expect(page).toHaveURL(/sort=receivedAt/);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-xlsx").click();
  expect((await download).suggestedFilename()).toMatch(/(workbench-mine|工作台-我的待办)-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test("on a 390 px phone each ticket shows its status and deadline without sideways scrolling", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await loginAs(page, "zq1.handler");
  await page.goto("/workbench?tab=all");
  const first = page.getByTestId("ticket-row").first();
  await expect(first.getByTestId("ticket-status")).toBeVisible();
  await expect(first.getByTestId("ticket-deadline")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // The filters fold away behind one button.
  await expect(page.getByRole("search", { name: "筛选工单" })).toBeHidden();
  await page.getByRole("button", { name: "筛选与搜索" }).click();
  await expect(page.getByRole("search", { name: "筛选工单" })).toBeVisible();
  await page.close();
});

test("managers land on the dashboard, the header's home link too; a callbackUrl still wins", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/login");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/login?callbackUrl=%2Fworkbench");
  await expect(page).toHaveURL(/\/workbench$/);
  await page.getByRole("link", { name: "接诉即办工作平台" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a merged call leaves the handler's queue and shows on the master with the caller's words", async ({ page }) => {
  const tag = `并单来电${Date.now() % 100000}号`;
  const [master, repeat] = await newZq1Tickets(page, tag, ["学校门口早高峰拥堵。", "今天早上依然堵了二十多分钟"]);
  const { version } = (await (await page.request.get(`/api/v1/tickets/${repeat}`)).json()) as { version: number };
  const merged = await page.request.post(`/api/v1/tickets/${repeat}/actions`, { headers: FROM_OUR_PAGES, data: { action: "merge", version, into: master } });
  expect(merged.status()).toBe(200);
  await page.context().clearCookies();

  await loginAs(page, "zq1.handler");
  await page.goto(`/workbench?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("ticket-row")).toHaveCount(1);
  await page.getByRole("link", { name: master! }).click();
  const call = page.getByTestId("merged-call");
  await expect(call).toContainText(repeat!);
  await expect(call).toContainText("今天早上依然堵了二十多分钟");
});

test("受理日期 narrows the list, and a range that ends before it starts says why", async ({ page }) => {
  const tag = `受理日期${Date.now() % 100000}号`;
  await newZq1Tickets(page, tag, ["学校门口早高峰拥堵。"]);
  await page.context().clearCookies();
  await loginAs(page, "zq1.handler");
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  await page.goto(`/workbench?tab=all&q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("ticket-row")).toHaveCount(1);
  const filters = page.getByRole("search", { name: "筛选工单" });
  await filters.getByLabel("受理日期 从").fill("2020-01-01");
  await filters.getByLabel("到", { exact: true }).fill("2020-12-31");
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/from=2020-01-01&to=2020-12-31/);
  await expect(page.getByTestId("ticket-row")).toHaveCount(0);
  await filters.getByLabel("到", { exact: true }).fill(today);
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("ticket-row")).toHaveCount(1);

  await page.goto(`/workbench?tab=all&from=${today}&to=2020-01-01`);
  await expect(page.getByTestId("filter-error")).toContainText("受理结束日期不能早于开始日期");
});
