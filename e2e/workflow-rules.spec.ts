// 首问负责、不推诿、一单到底: returns, assistance, extensions and reopen, end to end.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { FROM_OUR_PAGES, loginAs } from "./support/auth";
import { backdateDispatch, noticesOf } from "./support/db";

type Ticket = { no: string; status: string; version: number; ownerUnit: string | null; deadlines: { dueAt: string }; events: { type: string }[] };

async function create(page: Page, data: Record<string, unknown>): Promise<Ticket> {
  await loginAs(page, "dispatcher");
  const response = await page.request.post("/api/v1/tickets", {
    headers: FROM_OUR_PAGES,
    data: { type: "COMPLAINT", title: "测试诉求标题", content: "这是一条用于办理流程测试的群众诉求内容。", phone: `13${String(Date.now()).slice(-9)}`, ...data },
  });
  expect(response.status()).toBe(201);
  await page.context().clearCookies();
  return response.json();
}

async function act(request: APIRequestContext, no: string, body: Record<string, unknown>) {
  const current = (await (await request.get(`/api/v1/tickets/${no}`)).json()) as Ticket;
  return request.post(`/api/v1/tickets/${no}/actions`, { headers: FROM_OUR_PAGES, data: { version: current.version, ...body } });
}

async function as(page: Page, user: string) {
  await page.context().clearCookies();
  await loginAs(page, user);
}

test("(b) a misrouted ticket is returned inside the window and re-dispatched; after the window a return is refused", async ({ page }) => {
  const misrouted = await create(page, { category: "CONGESTION", district: "东城区", place: "西城区复兴路（群众选错辖区）" });
  await as(page, "zq1.handler");
  await page.goto(`/tickets/${misrouted.no}`);
  await page.getByTestId("action-return").click();
  await page.getByLabel("退单理由").fill("地点在西城区复兴路，不属本大队辖区");
  await page.getByLabel("建议承办单位").selectOption("ZQ2");
  await page.getByRole("button", { name: "确认申请退单" }).click();
  await expect(page.getByTestId("action-success")).toBeVisible();

  await as(page, "dispatcher");
  expect((await act(page.request, misrouted.no, { action: "approveReturn", unit: "ZQ2" })).status()).toBe(200);
  const after = (await (await page.request.get(`/api/v1/tickets/${misrouted.no}`)).json()) as Ticket;
  expect(after).toMatchObject({ no: misrouted.no, ownerUnit: "ZQ2", status: "DISPATCHED" });
  expect(after.events.map((e) => e.type)).toEqual(expect.arrayContaining(["RETURN_REQUESTED", "RETURN_APPROVED"]));

  const late = await create(page, { category: "CONGESTION", district: "东城区" });
  await backdateDispatch(late.no, 10);
  await as(page, "zq1.handler");
  const refused = await act(page.request, late.no, { action: "return", reason: "不属本大队辖区，申请退回", suggestedUnit: "ZQ2" });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toMatch(/退单|协办/);
});

test("(c) a 非警务 ticket gets WCG's assistance; the reply is refused until the coordination is recorded", async ({ page }) => {
  const ticket = await create(page, { category: "NON_POLICE", district: "东城区", place: "湖南路271号", content: "湖南路271号附近路灯不亮已经一周，夜间通行很危险。" });
  await as(page, "zq1.handler");
  expect((await act(page.request, ticket.no, { action: "sign" })).status()).toBe(200);
  expect((await act(page.request, ticket.no, { action: "contact", note: "电话联系群众核实位置" })).status()).toBe(200);
  expect((await act(page.request, ticket.no, { action: "assist", unit: "WCG", note: "请城市管理局维修路灯" })).status()).toBe(200);

  const refused = await act(page.request, ticket.no, { action: "reply", text: "已协调城市管理局维修路灯，感谢您的反映。" });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toContain("协调");

  const replied = await act(page.request, ticket.no, {
    action: "reply",
    text: "已协调城市管理局维修路灯，感谢您的反映。",
    coordinatedWith: "城市管理局",
    coordinatedAt: new Date(Date.now() - 3_600_000).toISOString(),
    coordinationAnswer: "三日内完成维修",
  });
  expect(replied.status()).toBe(200);
  const after = (await replied.json()) as Ticket;
  expect(after).toMatchObject({ status: "REPLIED", ownerUnit: "ZQ1" }); // the owner keeps it
});

test("(d) an extension is approved by the lead and the citizen is notified", async ({ page }) => {
  const ticket = await create(page, { category: "TRAFFIC_ORG", district: "东城区" });
  await as(page, "zq1.handler");
  await act(page.request, ticket.no, { action: "sign" });
  expect((await act(page.request, ticket.no, { action: "extend", reason: "需协调施工单位重新施划标线", workingDays: 5 })).status()).toBe(200);

  await as(page, "zq1.lead");
  await page.goto(`/tickets/${ticket.no}`);
  await page.getByTestId("action-approveExtension").click();
  await page.getByRole("button", { name: "确认同意延期" }).click();
  await expect(page.getByTestId("action-success")).toBeVisible();
  const after = (await (await page.request.get(`/api/v1/tickets/${ticket.no}`)).json()) as Ticket;
  expect(new Date(after.deadlines.dueAt).getTime()).toBeGreaterThan(new Date(ticket.deadlines.dueAt).getTime());
  expect(await noticesOf(ticket.no)).toContain("EXTENDED");
});

test("(e) 不满意 → the manager reopens the ticket under the same number", async ({ page }) => {
  const ticket = await create(page, { category: "ENFORCEMENT", district: "东城区" });
  await as(page, "zq1.handler");
  await act(page.request, ticket.no, { action: "sign" });
  await act(page.request, ticket.no, { action: "contact", note: "电话联系群众" });
  await act(page.request, ticket.no, { action: "reply", text: "已加强该路段巡逻，对违停车辆依法处理。" });
  await as(page, "dispatcher");
  expect((await act(page.request, ticket.no, { action: "evaluate", resolved: false, satisfaction: "UNSATISFIED", comment: "还是有车违停" })).status()).toBe(200);

  await as(page, "manager");
  await page.goto(`/tickets/${ticket.no}`);
  await page.getByTestId("action-reopen").click();
  await page.getByLabel("重办理由").fill("群众反映仍有违停，请重新办理");
  await page.getByRole("button", { name: "确认重办" }).click();
  await expect(page.getByTestId("action-success")).toBeVisible();
  const after = (await (await page.request.get(`/api/v1/tickets/${ticket.no}`)).json()) as Ticket;
  expect(after).toMatchObject({ no: ticket.no, status: "IN_PROGRESS" });
  expect(after.events.map((e) => e.type)).toContain("REOPENED");
});

test("督办: a manager supervises a ticket; it is listed and marked", async ({ page }) => {
  const ticket = await create(page, { category: "CONGESTION", district: "东城区", title: "督办测试拥堵" });
  await as(page, "manager");
  expect((await act(page.request, ticket.no, { action: "supervise", note: "群众多次反映，请加快办理" })).status()).toBe(200);
  await page.goto("/supervised");
  const row = page.getByTestId("ticket-row").filter({ hasText: ticket.no });
  await expect(row).toContainText("督");
  await as(page, "zq1.handler");
  await page.goto(`/tickets/${ticket.no}`);
  await expect(page.getByTestId("supervised-mark")).toBeVisible();
});
