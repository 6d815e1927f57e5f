import { expect, test, type Page } from "@playwright/test";
import { FROM_OUR_PAGES, loginAs } from "./support/auth";
import { evaluationLinkOf } from "./support/db";

/** A fresh ZQ1 complaint from a citizen's phone (taken through the API to keep the journey short). */
async function newZq1Ticket(page: Page, phone: string): Promise<string> {
  await loginAs(page, "dispatcher");
  const response = await page.request.post("/api/v1/tickets", {
    headers: FROM_OUR_PAGES,
    data: {
      type: "COMPLAINT",
      category: "TRAFFIC_ORG",
      title: "路口标线不清",
      content: "光岳路与东昌路路口的导向箭头磨损，外地车辆经常走错车道。",
      district: "东城区",
      place: "光岳路与东昌路路口",
      phone,
    },
  });
  expect(response.status()).toBe(201);
  const { no } = await response.json();
  await page.context().clearCookies();
  return no as string;
}

async function act(page: Page, action: string, label: string, fill?: () => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  await fill?.();
  await page.getByRole("button", { name: `确认${label}` }).click();
}

test("(a) ZQ1 signs, contacts, replies; the citizen evaluates through the link and the ticket closes", async ({ page, browser }) => {
  const phone = `135${String(Date.now()).slice(-8)}`;
  const no = await newZq1Ticket(page, phone);

  await loginAs(page, "zq1.handler");
  await page.goto(`/tickets/${no}`);
  await expect(page.getByTestId("action-reply")).toHaveCount(0); // 先签收、先联系
  await act(page, "sign", "签收");
  await expect(page.getByTestId("action-success")).toBeVisible();
  await act(page, "contact", "联系群众", () => page.getByLabel("联系情况").fill("电话联系群众，约定现场查看"));
  await expect(page.getByTestId("action-reply")).toBeVisible();
  await act(page, "reply", "答复", async () => {
    await page.getByLabel("答复模板").selectOption({ label: "已调整设施" });
    await expect(page.getByLabel("答复内容")).toHaveValue(/【地点】/);
    await page.getByLabel("答复内容").fill("已安排重新施划导向箭头，预计本周内完成，感谢您的反映。");
  });
  await expect(page.getByText("已答复待回访").first()).toBeVisible();

  const citizen = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await citizen.goto(await evaluationLinkOf(no));
  await citizen.getByLabel("是", { exact: true }).check();
  await citizen.getByLabel("满意", { exact: true }).check();
  await citizen.getByRole("button", { name: "提交评价" }).click();
  await expect(citizen.getByTestId("evaluation-done")).toBeVisible();
  // The link works once.
  await citizen.goto(await evaluationLinkOf(no));
  await expect(citizen.getByTestId("evaluation-invalid")).toBeVisible();

  await citizen.goto(`/track?no=${no}`);
  await citizen.getByLabel("手机号").fill(phone);
  await citizen.getByRole("button", { name: "查询" }).click();
  await expect(citizen.getByTestId("tracked-ticket")).toContainText("已办结");
  const ticket = await (await page.request.get(`/api/v1/tickets/${no}`)).json();
  expect(ticket.status).toBe("CLOSED");
  expect(ticket.evaluation).toMatchObject({ resolved: true, satisfaction: "SATISFIED" });
});

test("(f) two sessions act on one ticket: the second sees the conflict, nothing is overwritten", async ({ page, browser }) => {
  const no = await newZq1Ticket(page, `136${String(Date.now()).slice(-8)}`);
  const other = await (await browser.newContext()).newPage();
  await loginAs(page, "zq1.handler");
  await loginAs(other, "zq1.lead");
  await page.goto(`/tickets/${no}`);
  await other.goto(`/tickets/${no}`);

  await act(page, "sign", "签收");
  await expect(page.getByTestId("action-success")).toBeVisible();
  await act(other, "sign", "签收");
  await expect(other.getByTestId("conflict")).toBeVisible();
  await other.getByTestId("conflict").getByRole("button").click();
  await expect(other.getByTestId("action-sign")).toHaveCount(0);

  const ticket = await (await page.request.get(`/api/v1/tickets/${no}`)).json();
  expect(ticket.events.filter((e: { type: string }) => e.type === "SIGNED")).toHaveLength(1);
  expect(ticket.version).toBe(2);
});

test("(g) zq2.handler can neither read nor act on a ZQ1 ticket, by page or API", async ({ page }) => {
  const no = await newZq1Ticket(page, `137${String(Date.now()).slice(-8)}`);
  await loginAs(page, "zq2.handler");
  // Another unit's ticket answers like a number that does not exist (its existence is not revealed).
  expect((await page.goto(`/tickets/${no}`))?.status()).toBe(404);
  await expect(page.getByTestId("ticket-actions")).toHaveCount(0);
  const response = await page.request.post(`/api/v1/tickets/${no}/actions`, { headers: FROM_OUR_PAGES, data: { action: "sign", version: 1 } });
  expect(response.status()).toBe(404);
  await page.context().clearCookies();
  await loginAs(page, "zq1.handler");
  const ticket = await (await page.request.get(`/api/v1/tickets/${no}`)).json();
  expect(ticket).toMatchObject({ status: "DISPATCHED", version: 1 });
});
