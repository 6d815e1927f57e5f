// 话务记录 (issue 16): an agent answers one call on the spot from the knowledge base and turns a
// second into a ticket; the day's report shows both; the switch's export gives a known 接通率.
import { expect, test } from "@playwright/test";
import { loginAs, STAFF_PASSWORD } from "./support/auth";
import { createStaffUser } from "./support/db";

test("an agent answers a call from the knowledge base, turns another into a ticket, and the day's report counts both", async ({ page }) => {
  // An agent of their own: the report's row for them holds exactly this journey's calls.
  const agent = await createStaffUser({ role: "DISPATCHER", unitCode: "ZHZX", password: STAFF_PASSWORD });
  await loginAs(page, agent);
  await page.goto("/console");

  // Call 1: 年检 explained on the spot with the standard answer.
  await page.getByLabel("来电号码").fill(`136${String(Date.now()).slice(-8)}`);
  await expect(page.getByTestId("call-clock")).toContainText("通话计时");
  await page.getByLabel("当场解答").check();
  await page.getByLabel("检索知识库").fill("年检");
  const hit = page.getByTestId("knowledge-hit").filter({ hasText: "机动车年检需要带哪些材料" });
  await hit.getByRole("button", { name: "插入答复" }).click();
  await expect(page.getByLabel("答复要点")).toHaveValue(/交强险保单/);
  await expect(page.getByLabel("来电事项")).toHaveValue("SERVICE");
  await page.getByLabel("通话时长").fill("2:30");
  await page.getByRole("button", { name: "登记来电" }).click();
  const outcome = page.getByTestId("call-outcome");
  await expect(outcome).toContainText("已登记来电：当场解答");
  // The form is fresh for the next call, back on 转工单.
  await expect(page.getByRole("radio", { name: "转工单", exact: true })).toBeChecked();
  await expect(page.getByLabel("来电号码")).toBeFocused();

  // Call 2: a complaint that needs a work order.
  await page.getByLabel("12123 语音").check();
  await page.getByLabel("来电号码").fill(`135${String(Date.now()).slice(-8)}`);
  await page.getByLabel("诉求分类").selectOption("CONGESTION");
  await page.getByLabel("辖区").selectOption("北城区");
  await page.getByLabel("地点").fill("北关街与光明路路口");
  await page.getByLabel("标题").fill("路口早高峰拥堵");
  await page.getByLabel("诉求内容").fill("北关街与光明路路口每天早高峰拥堵严重，希望交警疏导。");
  await page.getByRole("button", { name: "受理并分派" }).click();
  await expect(outcome).toContainText("已受理，工单编号");
  const ticketNo = (await outcome.locator("b").textContent())!.trim();

  // The day's report: 2 calls for this agent, 1 当场解答, 1 转工单, and the log links the ticket.
  await page.goto("/calls");
  const row = page.getByTestId("calls-by-agent").getByRole("row").filter({ hasText: `测试 ${agent}` });
  // 来电, 当场解答, 转工单, 转工单率
  await expect(row.getByRole("cell").nth(1)).toHaveText("2");
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  await expect(row.getByRole("cell").nth(4)).toContainText("50.00%");
  await expect(page.getByTestId("call-list").getByRole("link", { name: ticketNo })).toBeVisible();
  await expect(page.getByTestId("knowledge-uses")).toContainText("机动车年检需要带哪些材料");

  // The ticket remembers the call it was taken on.
  await page.getByTestId("call-list").getByRole("link", { name: ticketNo }).click();
  await expect(page.getByTestId("ticket-call")).toContainText(`测试 ${agent} 接听`);
});

test("an agent imports the switch's hourly export and reads the day's 接通率", async ({ page }) => {
  await loginAs(page, "dispatcher");
  await page.goto("/calls?date=2025-06-18");
  await expect(page.getByTestId("calls-connect-rate")).toContainText("未导入交换机统计");
  const csv = ["时段,坐席工号,呼入量,接通量,放弃量", "2025-06-18 09:00,,200,192,8", "2025-06-18 10:00,,100,95,5"].join("\n");
  await page.getByTestId("switch-file").setInputFiles({ name: "switch-20250618.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "导入" }).click();
  await expect(page.getByTestId("switch-import-done")).toContainText("2 行，2 个小时");
  await page.reload();
  // 287 of 300 offered.
  await expect(page.getByTestId("calls-connect-rate")).toContainText("95.67%");
  await expect(page.getByTestId("calls-connect-rate")).toContainText("接通 287 / 呼入 300");

  // A wrong row: nothing imported, the line named.
  await page.getByTestId("switch-file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("时段,呼入量,接通量,放弃量\n2025-06-18 11:00,10,12,0") });
  await page.getByRole("button", { name: "导入" }).click();
  await expect(page.getByTestId("switch-import-problems")).toContainText("第 2 行");
});
