import { expect, test } from "@playwright/test";
import sharp from "sharp";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#3366cc" } }).jpeg().toBuffer();
}

test("a citizen on a phone submits a complaint with a photo and tracks it by number + phone", async ({ page }) => {
  const phone = `139${String(Date.now()).slice(-8)}`;
  await page.goto("/");
  await page.getByRole("link", { name: /我要反映诉求/ }).click();
  await expect(page.getByRole("heading", { name: "我要反映诉求" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("122");

  await page.getByLabel("投诉", { exact: true }).check();
  await page.getByLabel("交通组织", { exact: true }).check();
  await page.getByLabel("所在辖区").selectOption("东城区");
  await page.getByLabel("具体地点").fill("光岳路与东昌路交叉口");
  await page.getByLabel("标题").fill("左转信号太短");
  await page.getByLabel("诉求内容").fill("早高峰光岳路与东昌路路口左转信号时间太短，每次都要排三四轮。");
  await page.getByLabel(/照片/).setInputFiles({ name: "路口.jpg", mimeType: "image/jpeg", buffer: await photo() });
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("姓名（可选）").fill("王先生");
  // The page fits the phone: nothing overflows sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: "提交诉求" }).click();

  const receipt = page.getByTestId("receipt");
  await expect(receipt).toBeVisible();
  const no = (await page.getByTestId("receipt-no").textContent())!.trim();
  expect(no).toMatch(/^\d{14}$/);
  await expect(page.getByTestId("receipt-unit")).toHaveText("执勤一大队");
  await expect(page.getByTestId("receipt-due")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

  await page.getByRole("link", { name: "查询办理进度" }).click();
  await expect(page.getByLabel("工单编号")).toHaveValue(no);
  await page.getByLabel("手机号").fill("13000000000");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("未找到该诉求，请核对工单编号和手机号");

  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "查询" }).click();
  const tracked = page.getByTestId("tracked-ticket");
  await expect(tracked).toContainText("左转信号太短");
  await expect(page.getByTestId("tracked-unit")).toHaveText("执勤一大队");
  const steps = await tracked.getByTestId("timeline-event").allTextContents();
  expect(steps.join("|")).toContain("受理");
  expect(steps.join("|")).toContain("派单");
  expect(steps.join("|")).not.toContain("自动分派"); // the internal routing step stays internal
});

test("the form explains every mistake in Chinese and stores nothing", async ({ page }) => {
  await page.goto("/submit");
  await page.getByLabel("诉求内容").fill("太短");
  await page.getByLabel("手机号").fill("12345");
  await page.getByLabel(/照片/).setInputFiles({ name: "伪装.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<svg></svg>") });
  await page.getByRole("button", { name: "提交诉求" }).click();
  await expect(page.getByTestId("error-category")).toContainText("请选择诉求分类");
  await expect(page.getByTestId("error-content")).toContainText("至少 10 个字");
  await expect(page.getByTestId("error-phone")).toContainText("11 位");
  await expect(page.getByTestId("error-photos")).toContainText("不是 JPEG、PNG 或 WebP 图片");
  await expect(page.getByTestId("receipt")).toHaveCount(0);
  // What was typed is kept for correction.
  await expect(page.getByLabel("诉求内容")).toHaveValue("太短");
});

test("an anonymous complaint is told it cannot be evaluated and gets a number", async ({ page }) => {
  await page.goto("/submit");
  await page.getByLabel("举报", { exact: true }).check();
  await page.getByLabel("执勤执法", { exact: true }).check();
  await page.getByLabel("所在辖区").selectOption("西城区");
  await page.getByLabel("标题").fill("渣土车夜间抛洒");
  await page.getByLabel("诉求内容").fill("每天夜里十一点后有渣土车经过复兴路，沿路抛洒严重。");
  await page.getByLabel("匿名反映").check();
  await expect(page.getByText("无法回访和评价")).toBeVisible();
  await expect(page.getByLabel("手机号")).toHaveCount(0);
  await page.getByRole("button", { name: "提交诉求" }).click();
  await expect(page.getByTestId("receipt-unit")).toHaveText("执勤二大队");
});
