import { expect, test } from "@playwright/test";
import { loginAs } from "./support/auth";

// 使用我的位置 (issue 12 item 5): the phone's position routes the complaint to the brigade whose
// district boundary holds it. 39.90, 116.30 lies in the demo 西城区 (prisma/seed/organisation.ts).
test.use({
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  geolocation: { latitude: 39.9, longitude: 116.3 },
  permissions: ["geolocation"],
});

test("a citizen's phone location routes the complaint to the right brigade", async ({ page, browser }) => {
  const phone = `137${String(Date.now()).slice(-8)}`;
  await page.goto("/submit");
  await page.getByLabel("投诉", { exact: true }).check();
  await page.getByLabel("执勤执法", { exact: true }).check();
  // No district chosen: the location decides.
  await expect(page.getByLabel("所在辖区")).toHaveValue("");
  await page.getByRole("button", { name: "使用我的位置" }).click();
  await expect(page.getByTestId("location-status")).toHaveText("已定位（39.90, 116.30）：位于西城区辖区，未选择辖区时将按定位分派。");
  await page.getByLabel("标题").fill("路边违停堵住公交站");
  await page.getByLabel("诉求内容").fill("每天早上七点多有好几辆车停在公交站台前，公交车只能停在路中间上下客。");
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "提交诉求" }).click();

  await expect(page.getByTestId("receipt")).toBeVisible();
  await expect(page.getByTestId("receipt-unit")).toHaveText("执勤二大队");
  const no = (await page.getByTestId("receipt-no").textContent())!.trim();

  // The brigade sees why it got the ticket.
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await loginAs(staffPage, "zq2.handler");
  const ticket = (await (await staffPage.request.get(`/api/v1/tickets/${no}`)).json()) as {
    ownerUnit: string;
    events: { type: string; payload: { reason?: string } }[];
  };
  expect(ticket.ownerUnit).toBe("ZQ2");
  expect(ticket.events.find((e) => e.type === "ROUTED")?.payload.reason).toContain("按定位（39.90, 116.30）落在西城区辖区");
  await staff.close();
});

test("an admin is told what is wrong with a boundary, and nothing is saved", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/districts");
  const card = page.getByTestId("district-card").filter({ hasText: "北城区" });
  await expect(card).toContainText("1 个多边形，5 个顶点");
  await card.getByLabel("边界（GeoJSON）").fill('{"type": "Polygon", "coordinates": [[[116.3, 39.96], [116.4, 39.96], [116.4, 40.0], [116.3, 40.0]]]}');
  await card.getByRole("button", { name: "保存边界" }).click();
  await expect(card).toContainText("边界外环未闭合：最后一个坐标应与第一个坐标 [116.3, 39.96] 相同");
  await page.reload();
  await expect(page.getByTestId("district-card").filter({ hasText: "北城区" })).toContainText("1 个多边形，5 个顶点");
});
