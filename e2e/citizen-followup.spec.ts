// Issue 13 items 2, 3, 13 (photo picker) and 14: a signed-in citizen is recognised, submits with
// the Chinese photo picker, follows up (催办, 补充) and evaluates from 我的诉求; a citizen without an
// account follows up from tracking.
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { FROM_OUR_PAGES, loginAs } from "./support/auth";
import { createCitizenUser } from "./support/db";

const PASSWORD = "Citizen-Passw0rd";

const jpeg = (background: string) => sharp({ create: { width: 64, height: 48, channels: 3, background } }).jpeg().toBuffer();

/** ZQ1's handler signs, contacts and answers the ticket through the REST API, in a context of its own. */
async function answer(browser: Browser, no: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, "zq1.handler");
  const steps = [{ action: "sign" }, { action: "contact", method: "CALL", note: "电话联系反映人" }, { action: "reply", text: "已延长左转绿灯 15 秒。" }];
  for (const step of steps) {
    const { version } = (await (await page.request.get(`/api/v1/tickets/${no}`)).json()) as { version: number };
    const response = await page.request.post(`/api/v1/tickets/${no}/actions`, { headers: FROM_OUR_PAGES, data: { version, ...step } });
    expect(response.status(), step.action).toBe(200);
  }
  await context.close();
}

/** The minimal complaint through /submit; its number from the receipt. */
async function submitComplaint(page: Page, title: string, phone?: string): Promise<string> {
  await page.goto("/submit");
  await page.getByLabel("投诉", { exact: true }).check();
  await page.getByLabel("交通组织", { exact: true }).check();
  await page.getByLabel("所在辖区").selectOption("东城区");
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("诉求内容").fill("早高峰光岳路与东昌路路口左转信号时间太短，每次都要排三四轮。");
  if (phone) await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "提交诉求" }).click();
  return (await page.getByTestId("receipt-no").textContent())!.trim();
}

test("a signed-in citizen is recognised: the header, the phone filled in, fields re-checked, the photo picker", async ({ page }) => {
  const phone = await createCitizenUser(PASSWORD);
  await loginAs(page, phone, PASSWORD);
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;

  // The header knows the account on every public page.
  await page.goto("/");
  const header = page.getByRole("banner");
  await expect(header.getByTestId("public-account")).toHaveText(masked);
  await expect(header.getByRole("link", { name: "我的诉求" })).toBeVisible();
  await expect(header.getByRole("button", { name: "退出登录" })).toBeVisible();
  await expect(header.getByRole("link", { name: "登录" })).toHaveCount(0);

  // /submit: the account's phone is filled in; a refused field's message goes once it is fixed.
  await page.goto("/submit");
  await expect(page.getByLabel("手机号")).toHaveValue(phone);
  await page.getByRole("button", { name: "提交诉求" }).click();
  await expect(page.getByTestId("error-title")).toBeVisible();
  await page.getByLabel("标题").fill("左转信号太短");
  await expect(page.getByTestId("error-title")).toHaveCount(0);
  await expect(page.getByTestId("error-category")).toBeVisible(); // untouched fields keep theirs

  await page.getByLabel("投诉", { exact: true }).check();
  await page.getByLabel("交通组织", { exact: true }).check();
  await page.getByLabel("所在辖区").selectOption("东城区");
  await page.getByLabel("诉求内容").fill("早高峰光岳路与东昌路路口左转信号时间太短，每次都要排三四轮。");
  // The photo picker: Chinese, thumbnails with 删除, the count against the limit.
  const picker = page.getByTestId("photo-picker-photos");
  await expect(picker).not.toContainText("Choose");
  await picker.getByLabel("选择照片").setInputFiles([
    { name: "路口1.jpg", mimeType: "image/jpeg", buffer: await jpeg("#3366cc") },
    { name: "路口2.jpg", mimeType: "image/jpeg", buffer: await jpeg("#cc6633") },
  ]);
  await expect(picker.getByTestId("photo-count")).toHaveText("已选 2 / 3 张");
  await expect(picker.getByRole("img")).toHaveCount(2);
  await picker.getByRole("button", { name: "删除第 2 张照片" }).click();
  await expect(picker.getByTestId("photo-count")).toHaveText("已选 1 / 3 张");
  await page.getByRole("button", { name: "提交诉求" }).click();
  const no = (await page.getByTestId("receipt-no").textContent())!.trim();

  // 我的诉求 → the ticket: the citizen's words and the one photo kept.
  await page.getByRole("banner").getByRole("link", { name: "我的诉求" }).click();
  await page.getByRole("link", { name: /左转信号太短/ }).click();
  await expect(page).toHaveURL(`/my/${no}`);
  await expect(page.getByTestId("tracked-content")).toContainText("每次都要排三四轮");
  await expect(page.getByRole("img", { name: /我提交的照片/ })).toHaveCount(1);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
});

test("a signed-in citizen reminds once a day, adds more, evaluates from 我的诉求 and sees the result", async ({ page, browser }) => {
  const phone = await createCitizenUser(PASSWORD);
  await loginAs(page, phone, PASSWORD);
  const no = await submitComplaint(page, "路口排队太长");
  await page.goto(`/my/${no}`);

  // 催办 once a day; 补充 with words.
  const followUp = page.getByTestId("follow-up");
  await followUp.getByRole("button", { name: "催办" }).click();
  await expect(followUp.getByTestId("follow-up-message")).toHaveText("已催办，承办单位会尽快办理");
  await expect(page.getByTestId("timeline-event").filter({ hasText: "群众催办" })).toHaveCount(1);
  await followUp.getByRole("button", { name: "催办" }).click();
  await expect(followUp.getByTestId("follow-up-message")).toHaveText("今天已催办过该诉求，承办单位已收到提醒，请明天再催办");
  await followUp.getByRole("button", { name: "补充情况" }).click();
  await followUp.getByLabel("补充内容").fill("今天早上依然堵了二十多分钟");
  await followUp.getByRole("button", { name: "提交补充" }).click();
  await expect(page.getByTestId("timeline-event").filter({ hasText: "今天早上依然堵了二十多分钟" })).toHaveCount(1);

  // Answered: 评价 from 我的诉求, then the evaluation and the closing time instead of the promise.
  await answer(browser, no);
  await page.goto("/my");
  await page.getByTestId("ticket-row").filter({ hasText: no }).getByRole("link", { name: "评价" }).click();
  await page.getByLabel("是", { exact: true }).check();
  await page.getByLabel("满意", { exact: true }).check();
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByTestId("evaluation-done")).toContainText("工单已办结");
  await page.goto(`/my/${no}`);
  await expect(page.getByTestId("tracked-evaluation")).toContainText("问题已解决 · 满意");
  await expect(page.getByTestId("tracked-closed-at")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(page.getByText("承诺办结时间")).toHaveCount(0);
  await expect(page.getByTestId("follow-up")).toHaveCount(0);
});

test("a citizen without an account reminds and adds a photo from tracking", async ({ page }) => {
  const phone = `136${String(Date.now()).slice(-8)}`;
  const no = await submitComplaint(page, "路口标线不清", phone);

  await page.goto(`/track?no=${no}`);
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "查询" }).click();
  const tracked = page.getByTestId("tracked-ticket");
  await expect(tracked.getByTestId("tracked-content")).toContainText("每次都要排三四轮");

  await tracked.getByRole("button", { name: "催办" }).click();
  await expect(tracked.getByTestId("follow-up-message")).toHaveText("已催办，承办单位会尽快办理");
  await tracked.getByRole("button", { name: "补充情况" }).click();
  await tracked.getByLabel("选择照片").setInputFiles({ name: "标线.jpg", mimeType: "image/jpeg", buffer: await jpeg("#999999") });
  await tracked.getByRole("button", { name: "提交补充" }).click();
  await expect(tracked.getByTestId("timeline-event").filter({ hasText: "群众补充" })).toHaveCount(1);
  // The photo opens through its signed link.
  const photo = tracked.getByRole("img", { name: "我提交的照片 1" });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});
