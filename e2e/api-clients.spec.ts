// API clients (接口客户端): an admin creates one, copies the token shown once, the integration posts
// a complaint with it on its own channel, the page shows its last use, and revoking it stops it.
// The name is unique to this run: the e2e database is shared by specs running in parallel.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { loginAs } from "./support/auth";

const COMPLAINT = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "信号灯配时不合理",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
  district: "东城区",
  phone: "13912345678",
};

test("an admin creates an API client, it posts as itself on its channel, and revoking it stops it", async ({ page }) => {
  const name = `微信公众号${randomUUID().slice(0, 6)}`;
  await loginAs(page, "admin");
  await page.goto("/admin/api-clients");
  await expect(page.getByRole("heading", { name: "接口客户端", level: 1 })).toBeVisible();

  // Server-side validation: nothing filled in, Chinese messages by the fields.
  await page.locator('input[name="scopes"]').first().uncheck();
  await page.locator('input[name="scopes"]').nth(1).uncheck();
  await page.getByRole("button", { name: "新建并生成令牌" }).click();
  await expect(page.getByText("请填写客户端名称")).toBeVisible();
  await expect(page.getByText("请选择归属单位")).toBeVisible();
  await expect(page.getByText("请至少选择一项权限")).toBeVisible();

  await page.locator('input[name="name"]').fill(name);
  await page.locator('select[name="unit"]').selectOption("ZQ1");
  await page.locator('select[name="channel"]').selectOption("WECHAT");
  await page.locator('input[name="scopes"][value="tickets:submit"]').check();
  await page.locator('input[name="scopes"][value="tickets:read:own"]').check();
  await page.getByRole("button", { name: "新建并生成令牌" }).click();
  const token = (await page.getByTestId("issued-token-value").textContent())?.trim() ?? "";
  expect(token).toMatch(/^jsjc_/);
  const row = page.getByTestId("api-client-row").filter({ hasText: name });
  await expect(row).toContainText("执勤一大队");
  await expect(row).toContainText("微信");
  await expect(row).toContainText("有效");

  const headers = { authorization: `Bearer ${token}` };
  const created = await page.request.post("/api/v1/tickets", { headers, data: COMPLAINT });
  expect(created.status()).toBe(201);
  const ticket = (await created.json()) as { no: string; channel: string };
  expect(ticket.channel).toBe("WECHAT");
  expect((await page.request.get(`/api/v1/tickets/${ticket.no}`, { headers })).status()).toBe(200);

  // Its last use shows (written a moment after the call).
  await expect(async () => {
    await page.reload();
    await expect(row.locator("td").nth(6)).not.toHaveText("—", { timeout: 1000 });
  }).toPass();

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "吊销" }).click();
  await expect(row).toContainText("已吊销");
  expect((await page.request.post("/api/v1/tickets", { headers, data: COMPLAINT })).status()).toBe(401);
});
