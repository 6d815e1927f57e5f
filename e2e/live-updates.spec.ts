// Issue 13 item 9: the floor learns that something arrived — queues refresh by themselves, a
// ticket just arrived is marked 新 until opened, and 督办 raises an in-app notice.
// The poller runs every 15 s and at once when the user comes back to the window; the journeys
// use the latter (a focus event) to stay fast.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { FROM_OUR_PAGES, loginAs, STAFF_PASSWORD } from "./support/auth";
import { createStaffUser } from "./support/db";

const complaint = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "路口标线不清",
  content: "光岳路与东昌路路口的导向箭头磨损，外地车辆经常走错车道。",
  place: "光岳路与东昌路路口",
};

const uniquePhone = () => `136${String(Date.now()).slice(-8)}`;

/** Another member of the floor, in a browser context of their own. */
async function actor(browser: Browser, username: string): Promise<Page> {
  const page = await browser.newPage();
  await loginAs(page, username);
  return page;
}

async function submit(page: Page, data: object): Promise<{ no: string; version: number; status: string }> {
  const response = await page.request.post("/api/v1/tickets", { headers: FROM_OUR_PAGES, data: { ...complaint, ...data } });
  expect(response.status()).toBe(201);
  return response.json();
}

/** Opens a staff page and waits for the poller's first answer (the mark later moves from). */
async function openLive(page: Page, path: string) {
  const first = page.waitForResponse((r) => r.url().includes("/api/v1/me/pulse") && r.ok());
  await page.goto(path);
  await first;
}

/** The user returns to the window: the poller asks at once. */
const comeBack = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event("focus")));

test("a dispatcher's queue shows a call that just arrived, without reloading, marked 新 and announced", async ({ page, browser }) => {
  const phone = uniquePhone();
  await loginAs(page, "dispatcher");
  await openLive(page, `/workbench?q=${phone}`);
  await expect(page.getByText("暂无工单")).toBeVisible();
  await expect(page.getByTestId("notice-bell")).toBeVisible();

  // Another dispatcher takes a call the routing rules cannot place (no district, and no road or
  // landmark of the 地名库 in the words): 待派单.
  const colleague = await actor(browser, await createStaffUser({ role: "DISPATCHER", unitCode: "ZHZX", password: STAFF_PASSWORD }));
  const ticket = await submit(colleague, { phone, place: "幸福小区门口", content: "小区门口路口的导向箭头磨损，外地车辆经常走错车道。" });
  expect(ticket.status).toBe("PENDING");

  await comeBack(page);
  const row = page.getByTestId("ticket-row").filter({ hasText: ticket.no });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("new-mark")).toHaveText("新");
  await expect(page.getByText("暂无工单")).toHaveCount(0);

  await page.getByTestId("notice-bell").click();
  await expect(page.getByTestId("notice").filter({ hasText: ticket.no })).toContainText("待派单");
  await expect(page.getByLabel("新通知提示音")).not.toBeChecked();
  await colleague.close();
});

test("a handler's bell shows a 督办 notice; marking read and opening the ticket clear its marks", async ({ page, browser }) => {
  const dispatcher = await actor(browser, "dispatcher");
  const ticket = await submit(dispatcher, { district: "东城区", phone: uniquePhone() });
  expect(ticket.status).toBe("DISPATCHED");

  // A ZQ1 officer of their own, so that nobody else's reading moves the read cursor.
  await loginAs(page, await createStaffUser({ role: "HANDLER", unitCode: "ZQ1", password: STAFF_PASSWORD }));
  await openLive(page, `/workbench?q=${ticket.no}`);
  await expect(page.getByTestId("ticket-row").filter({ hasText: ticket.no }).getByTestId("new-mark")).toBeVisible();

  const manager = await actor(browser, "manager");
  const supervised = await manager.request.post(`/api/v1/tickets/${ticket.no}/actions`, {
    headers: FROM_OUR_PAGES,
    data: { action: "supervise", version: ticket.version, note: "请加快办理并报告进展" },
  });
  expect(supervised.status()).toBe(200);

  await comeBack(page);
  await expect(page.getByTestId("notice-unread")).toBeVisible();
  await page.getByTestId("notice-bell").click();
  const notice = page.getByTestId("notice").filter({ hasText: ticket.no }).filter({ hasText: "督办" });
  await expect(notice).toHaveAttribute("data-read", "false");
  // The list refreshed by itself too: the 督 mark is on the row.
  await expect(page.getByTestId("ticket-row").filter({ hasText: ticket.no })).toContainText("督");

  await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect(notice).toHaveAttribute("data-read", "true");

  await notice.getByRole("link").click();
  await expect(page.getByTestId("ticket-no")).toHaveText(ticket.no);
  await page.goto(`/workbench?q=${ticket.no}`);
  await expect(page.getByTestId("ticket-row").filter({ hasText: ticket.no })).toBeVisible();
  await expect(page.getByTestId("new-mark")).toHaveCount(0);
  await Promise.all([dispatcher.close(), manager.close()]);
});
