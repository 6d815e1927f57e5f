import { expect, test } from "@playwright/test";
import { FROM_OUR_PAGES, loginAs } from "./support/auth";
import { suggestUnitFor } from "./support/db";

// 智能分类派单 where the words arrive (#14 item 4): the agent console, the PENDING queue and the
// citizen form. Complaints about illegal parking: the shipped corpus knows them well.

test("the console fills in the category and shows the unit as the agent types, and the call is routed there", async ({ page }) => {
  await loginAs(page, "dispatcher");
  await page.goto("/console");
  await page.getByLabel("来电号码").fill(`136${String(Date.now()).slice(-8)}`);
  await page.getByLabel("标题").fill("东昌路违停");
  await page.getByLabel("诉求内容").fill("东昌路上每天都有车辆违法停车，占用非机动车道，希望交警来查处。");

  const category = page.getByLabel("诉求分类");
  await expect(category).toHaveValue("ENFORCEMENT");
  const advice = page.getByTestId("smart-advice");
  await expect(advice.getByTestId("advice-category")).toContainText("执勤执法");
  await expect(advice.getByTestId("advice-reasons")).toContainText("违法停车");
  await expect(advice.getByTestId("advice-unit")).toContainText("智能建议：执勤一大队（依据地点「东昌路」属东城区");

  // A category chosen by hand stays; the suggestion becomes a one-click offer.
  await category.selectOption("TRAFFIC_ORG");
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && (r.request().postData() ?? "").includes("谢谢"));
  await page.getByLabel("诉求内容").pressSequentially("谢谢");
  await answered;
  await expect(advice.getByRole("button", { name: "改用「执勤执法」" })).toBeVisible();
  await expect(category).toHaveValue("TRAFFIC_ORG");
  await advice.getByRole("button", { name: "改用「执勤执法」" }).click();
  await expect(category).toHaveValue("ENFORCEMENT");

  await page.getByLabel("诉求内容").press("Control+Enter");
  const outcome = page.getByTestId("call-outcome");
  await expect(outcome).toContainText("已分派至执勤一大队");
  const no = (await outcome.locator("b").textContent())!.trim();
  const ticket = await (await page.request.get(`/api/v1/tickets/${no}`)).json();
  expect(ticket).toMatchObject({ status: "DISPATCHED", ownerUnit: "ZQ1", category: "ENFORCEMENT" });
});

test("a dispatcher places a PENDING ticket with the suggested unit and corrects its category", async ({ page }) => {
  await loginAs(page, "dispatcher");
  const created = await page.request.post("/api/v1/tickets", {
    headers: FROM_OUR_PAGES,
    data: { type: "COMPLAINT", category: "TRAFFIC_ORG", title: "小区门口违停", content: "幸福小区门口长期有车辆违法停车，堵住消防通道，希望交警查处。", phone: "13522224444" },
  });
  expect(created.status()).toBe(201);
  const { no } = await created.json();
  await suggestUnitFor(no, "ZQ3", "以往相近诉求多由执勤三大队承办（置信度 80%）");

  await page.goto("/console");
  const item = page.getByTestId("pending-item").filter({ hasText: no });
  await expect(item.getByLabel(`${no} 派往单位`)).toHaveValue("ZQ3");
  await expect(item.getByTestId("dispatch-unit-advice")).toContainText("智能建议：执勤三大队（以往相近诉求多由执勤三大队承办");
  await expect(item.getByLabel(`${no} 分类`)).toHaveValue("TRAFFIC_ORG");
  await item.getByTestId("dispatch-category-advice").getByRole("button", { name: "改为执勤执法" }).click();
  await expect(item.getByLabel(`${no} 分类`)).toHaveValue("ENFORCEMENT");
  await item.getByRole("button", { name: "派单" }).click();
  await expect(page.getByTestId("pending-item").filter({ hasText: no })).toHaveCount(0);

  const ticket = await (await page.request.get(`/api/v1/tickets/${no}`)).json();
  expect(ticket).toMatchObject({ status: "DISPATCHED", ownerUnit: "ZQ3", category: "ENFORCEMENT" });
});

test("a citizen sees the category their description suggests and adopts it", async ({ page }) => {
  await page.goto("/submit");
  // A category already chosen is never changed behind the citizen's back.
  await page.getByLabel("交通组织").check();
  await page.getByLabel("诉求内容").fill("小区门口每天都有车辆违法停车，堵住消防通道，希望查处。");
  const hint = page.getByTestId("category-hint");
  await expect(hint).toContainText("您的诉求可能属于「执勤执法」");
  await expect(page.getByLabel("交通组织")).toBeChecked();
  await hint.getByRole("button", { name: "采用" }).click();
  await expect(page.getByLabel("执勤执法")).toBeChecked();
  await expect(hint).toHaveCount(0);
});
