import { expect, test, type Page } from "@playwright/test";
import { CITIZEN_PASSWORD, loginAs } from "./support/auth";

type ListItem = { no: string; ownerUnit: string | null };

async function apiTickets(page: Page): Promise<ListItem[]> {
  const response = await page.request.get("/api/v1/tickets?pageSize=200");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: ListItem[] }).items;
}

const UNIT_STAFF = [
  { username: "zq1.lead", unit: "ZQ1", unitName: "执勤一大队" },
  { username: "zq1.handler", unit: "ZQ1", unitName: "执勤一大队" },
  { username: "zq2.handler", unit: "ZQ2", unitName: "执勤二大队" },
  { username: "sg.handler", unit: "SG", unitName: "事故处理大队" },
  { username: "cgs.handler", unit: "CGS", unitName: "车辆管理所" },
];

for (const staff of UNIT_STAFF) {
  test(`${staff.username} sees only ${staff.unit}'s tickets`, async ({ page }) => {
    await loginAs(page, staff.username);
    const items = await apiTickets(page);
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((t) => t.ownerUnit))).toEqual(new Set([staff.unit]));

    await page.goto("/workbench?tab=all");
    await expect(page.getByTestId("my-unit")).toHaveText(staff.unitName);
    // The workbench pages its list (50 a page); the demo history gives each unit far more.
    await expect(page.getByTestId("ticket-row")).toHaveCount(Math.min(items.length, 50));
    // A unit's own officer needs no 承办单位 column (issue 13 item 8).
    await expect(page.getByTestId("ticket-owner")).toHaveCount(0);
  });
}

for (const username of ["dispatcher", "manager"]) {
  test(`${username} sees every unit's tickets`, async ({ page }) => {
    await loginAs(page, username);
    const units = new Set((await apiTickets(page)).map((t) => t.ownerUnit));
    for (const unit of ["ZQ1", "ZQ2", "ZQ3", "ZQ4", "SG", "CGS"]) expect(units).toContain(unit);
    await page.goto("/workbench?tab=all");
    await expect(page.getByRole("heading", { name: "全部工单" })).toBeVisible();
  });
}

test("the admin lands on the administration pages and is offered no ticket pages", async ({ page }) => {
  await loginAs(page, "admin");
  expect((await page.request.get("/api/v1/tickets")).status()).toBe(403);
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/admin$/);
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "管理" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "工作台" })).toHaveCount(0);
});

test("the demo citizen sees only their own tickets under 我的诉求", async ({ page }) => {
  await loginAs(page, "13800000000", CITIZEN_PASSWORD);
  const items = await apiTickets(page);
  expect(items.length).toBeGreaterThan(0);
  await page.goto("/my");
  await expect(page.getByRole("heading", { name: "我的诉求" })).toBeVisible();
  await expect(page.getByTestId("ticket-row")).toHaveCount(items.length);
  // Citizens never reach the staff area.
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/my$/);
});
