import { expect, test } from "@playwright/test";
import { FROM_OUR_PAGES, loginAs } from "./support/auth";

test("an agent takes a repeat call, sees the caller's history and merges it into the earlier ticket", async ({ page }) => {
  const phone = `137${String(Date.now()).slice(-8)}`;
  await loginAs(page, "dispatcher");
  await page.goto("/console");

  // First call: recorded and routed.
  const fill = async (title: string) => {
    await page.getByLabel("来电号码").fill(phone);
    await page.getByLabel("诉求分类").selectOption("CONGESTION");
    await page.getByLabel("辖区").selectOption("北城区");
    await page.getByLabel("地点").fill("北关街实验中学门口");
    await page.getByLabel("标题").fill(title);
    await page.getByLabel("诉求内容").fill("放学时段北关街实验中学门口拥堵严重，希望增派警力疏导。");
  };
  await page.getByLabel("12345 转接").check();
  await fill("学校门口拥堵");
  await page.getByLabel("诉求内容").press("Control+Enter");
  const outcome = page.getByTestId("call-outcome");
  await expect(outcome).toContainText("已分派至执勤四大队");
  const masterNo = (await outcome.locator("b").textContent())!.trim();
  await expect(page.getByLabel("来电号码")).toBeFocused();

  // The same caller calls again about the same matter.
  await fill("还是拥堵");
  await expect(page.getByTestId("caller-history-item").first()).toContainText(masterNo);
  const suggestion = page.getByTestId("duplicate-suggestion").filter({ hasText: masterNo });
  await expect(suggestion).toContainText("同一来电人");
  await suggestion.getByRole("button", { name: "并入此单" }).click();
  await expect(outcome).toContainText(`已并入主工单 ${masterNo}`);

  const mergedNo = (await outcome.textContent())!.match(/本次记录 (\d{14})/)![1]!;
  const merged = await (await page.request.get(`/api/v1/tickets/${mergedNo}`)).json();
  expect(merged.status).toBe("MERGED");
  expect(merged.mergedInto).toBe(masterNo);
  const master = await (await page.request.get(`/api/v1/tickets/${masterNo}`)).json();
  expect(master.events.map((e: { type: string }) => e.type)).toContain("DUPLICATE_MERGED");

  // The next call is someone else: the history follows the number now typed (issue 13 item 4).
  await page.getByLabel("来电号码").fill(`139${String(Date.now()).slice(-8)}`);
  await expect(page.getByTestId("caller-history-item")).toHaveCount(0);
});

test("an agent dispatches a ticket routing could not place", async ({ page }) => {
  await loginAs(page, "dispatcher");
  const created = await page.request.post("/api/v1/tickets", {
    headers: FROM_OUR_PAGES,
    data: { type: "HELP", category: "ENFORCEMENT", title: "地点不明的求助", content: "有车辆堵住我家车库门口，无法出车，请帮忙联系车主。", phone: "13522223333" },
  });
  expect(created.status()).toBe(201);
  const { no } = await created.json();
  await page.goto("/console");
  const item = page.getByTestId("pending-item").filter({ hasText: no });
  // 派单 without a unit says so in Chinese (issue 13 item 4: it used to say 「NULL」…); the
  // classifier's suggestion, if any, is cleared first.
  const unit = item.getByLabel(`${no} 派往单位`);
  await unit.selectOption("");
  await item.getByRole("button", { name: "派单" }).click();
  await expect(item.getByTestId("form-error")).toContainText("请选择承办单位");
  await expect(item.getByTestId("form-error")).not.toContainText("NULL");
  await unit.selectOption("ZQ2");
  await item.getByRole("button", { name: "派单" }).click();
  await expect(page.getByTestId("pending-item").filter({ hasText: no })).toHaveCount(0);
  const ticket = await (await page.request.get(`/api/v1/tickets/${no}`)).json();
  expect(ticket).toMatchObject({ status: "DISPATCHED", ownerUnit: "ZQ2" });
});
