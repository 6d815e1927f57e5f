// The ticket page, round two (issue 13): 指派 by name (item 5), a conflict that keeps the typing
// (item 6), the page on a 390 px phone (item 7), Chinese routing notes and no 版本 N (items 13,
// 16), staff attachments seen by the citizen on a public step only (item 17).
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { FROM_OUR_PAGES, loginAs } from "./support/auth";

/** A fresh ZQ1 complaint (through the API to keep the journey short), and the page signed out. */
async function newZq1Ticket(page: Page, phone: string): Promise<string> {
  await loginAs(page, "dispatcher");
  const response = await page.request.post("/api/v1/tickets", {
    headers: FROM_OUR_PAGES,
    data: {
      type: "COMPLAINT",
      category: "TRAFFIC_ORG",
      title: "人行横道信号灯不亮",
      content: "东四十条路口人行横道信号灯连续三天不亮，老人孩子过街很危险。",
      district: "东城区",
      place: "东四十条路口",
      phone,
    },
  });
  expect(response.status()).toBe(201);
  const { no } = (await response.json()) as { no: string };
  await page.context().clearCookies();
  return no;
}

/** Takes steps through the API as the signed-in user; answers the last version. */
async function steps(page: Page, no: string, ...bodies: Record<string, unknown>[]): Promise<number> {
  let version = ((await (await page.request.get(`/api/v1/tickets/${no}`)).json()) as { version: number }).version;
  for (const body of bodies) {
    const response = await page.request.post(`/api/v1/tickets/${no}/actions`, { headers: FROM_OUR_PAGES, data: { ...body, version } });
    expect(response.status(), JSON.stringify(body)).toBe(200);
    version = ((await response.json()) as { version: number }).version;
  }
  return version;
}

const phoneNo = (prefix: string) => `${prefix}${String(Date.now()).slice(-8)}`;

test("指派 offers the brigade's officers and squadrons by name with their open tickets", async ({ page }) => {
  const no = await newZq1Ticket(page, phoneNo("150"));
  await loginAs(page, "zq1.lead");
  await page.goto(`/tickets/${no}`);
  await page.getByTestId("action-assign").click();
  const officer = page.getByLabel("承办民警（选填）");
  await expect(officer.locator("option", { hasText: /一大队 李强（执勤一大队）· 在办 \d+ 件/ })).toHaveCount(1);
  await expect(officer.locator("option", { hasText: "二大队" })).toHaveCount(0);
  await officer.selectOption({ label: (await officer.locator("option", { hasText: "李强" }).textContent())! });
  await page.getByLabel("承办中队（选填）").selectOption({ index: 1 });
  await page.getByRole("button", { name: "确认指派" }).click();
  await expect(page.getByTestId("action-success")).toContainText("指派");
  const ticket = (await (await page.request.get(`/api/v1/tickets/${no}`)).json()) as { handler: { username: string } };
  expect(ticket.handler.username).toBe("zq1.handler");
});

test("a stale form shows one message, is disabled, and 刷新 keeps what was typed", async ({ page, browser }) => {
  const no = await newZq1Ticket(page, phoneNo("151"));
  await loginAs(page, "zq1.handler");
  await steps(page, no, { action: "sign" });
  const other = await (await browser.newContext()).newPage();
  await loginAs(other, "zq1.lead");
  await page.goto(`/tickets/${no}`);
  await other.goto(`/tickets/${no}`);

  await page.getByTestId("action-note").click();
  const typed = "已联系路政养护单位，明天上午更换信号灯控制器";
  await page.getByRole("textbox", { name: "办理记录" }).fill(typed);
  // Meanwhile the lead writes a note of their own: the handler's page is now stale.
  await other.getByTestId("action-note").click();
  await other.getByRole("textbox", { name: "办理记录" }).fill("请尽快处理，老人孩子过街危险");
  await other.getByRole("button", { name: "确认办理记录" }).click();
  await expect(other.getByTestId("action-success")).toBeVisible();

  await page.getByRole("button", { name: "确认办理记录" }).click();
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(page.getByTestId("ticket-actions").getByRole("alert")).toHaveCount(1);
  await expect(conflict).toContainText("工单已被他人更新");
  await expect(page.getByRole("textbox", { name: "办理记录" })).toBeDisabled();

  await conflict.getByRole("button", { name: "刷新" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "办理记录" })).toBeEnabled();
  await expect(page.getByRole("textbox", { name: "办理记录" })).toHaveValue(typed);
  await expect(page.getByText("请尽快处理，老人孩子过街危险")).toBeVisible();
  await page.getByRole("button", { name: "确认办理记录" }).click();
  await expect(page.getByTestId("action-success")).toBeVisible();
  await expect(page.getByTestId("timeline-event").filter({ hasText: typed })).toHaveCount(1);
});

test.describe("警务通: the ticket page on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("status, the next deadline and the actions come first; the number is a tel: link; no 版本 N, no codes", async ({ page }) => {
    const phone = phoneNo("152");
    const no = await newZq1Ticket(page, phone);
    await loginAs(page, "zq1.handler");
    await page.goto(`/tickets/${no}`);
    await expect(page.getByText("待签收").first()).toBeInViewport();
    await expect(page.getByTestId("next-deadline")).toContainText("签收时限");
    await expect(page.getByTestId("next-deadline")).toBeInViewport();
    await expect(page.getByRole("link", { name: "办理", exact: true })).toBeInViewport();
    const actions = await page.getByTestId("ticket-actions").boundingBox();
    const timeline = await page.getByRole("list", { name: "办理过程" }).boundingBox();
    expect(actions!.y).toBeLessThan(timeline!.y);
    await expect(page.getByTestId("citizen-phone")).toHaveAttribute("href", `tel:${phone}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(page.getByText(/版本/)).toHaveCount(0);
    const routed = page.getByTestId("timeline-event").filter({ hasText: "自动分派" });
    await expect(routed).toContainText("分类「交通组织」");
    await expect(routed).not.toContainText("TRAFFIC_ORG");
  });
});

test("staff attach photos and a document; the citizen sees the reply's photo on /track, not the note's", async ({ page, browser }) => {
  const phone = phoneNo("153");
  const no = await newZq1Ticket(page, phone);
  await loginAs(page, "zq1.handler");
  await steps(page, no, { action: "sign" }, { action: "contact", method: "CALL", note: "已电话联系群众，约定现场查看" });
  await page.goto(`/tickets/${no}`);

  const jpeg = await sharp({ create: { width: 60, height: 40, channels: 3, background: "#3a7" } }).jpeg().toBuffer();
  await page.getByTestId("action-note").click();
  await expect(page.getByText("Choose File")).toHaveCount(0);
  const picker = page.getByTestId("photo-picker-attachments");
  await expect(picker.getByTestId("photo-count")).toHaveText("已选 0 / 5 个");
  await page.getByRole("textbox", { name: "办理记录" }).fill("现场查看：信号灯控制器损坏");
  await picker.locator('input[type="file"]').setInputFiles([
    { name: "现场.jpg", mimeType: "image/jpeg", buffer: jpeg },
    { name: "检测报告.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF") },
    { name: "多选的.jpg", mimeType: "image/jpeg", buffer: jpeg },
  ]);
  // A thumbnail for the photo, a tile with its name for the document, 删除 on each.
  await expect(picker.getByTestId("photo-count")).toHaveText("已选 3 / 5 个");
  await expect(picker.getByRole("img", { name: "已选文件 1：现场.jpg" })).toBeVisible();
  await expect(picker.getByText("检测报告.pdf")).toBeVisible();
  await picker.getByRole("button", { name: "删除第 3 个文件" }).click();
  await expect(picker.getByTestId("photo-count")).toHaveText("已选 2 / 5 个");
  await page.getByRole("button", { name: "确认办理记录" }).click();
  await expect(page.getByTestId("action-success")).toBeVisible();
  const note = page.getByTestId("timeline-event").filter({ hasText: "现场查看：信号灯控制器损坏" });
  await expect(note.getByTestId("step-attachment")).toHaveCount(2);
  await expect(note.getByRole("link", { name: "检测报告.pdf" })).toBeVisible();

  await page.getByTestId("action-reply").click();
  await page.getByLabel("答复内容").fill("信号灯控制器已于今日更换，人行横道信号灯恢复正常，感谢您的反映。");
  await page.getByLabel("照片类型").selectOption({ label: "整改后" });
  await page.getByTestId("photo-picker-attachments").locator('input[type="file"]').setInputFiles([{ name: "修复后.jpg", mimeType: "image/jpeg", buffer: jpeg }]);
  await page.getByRole("button", { name: "确认答复" }).click();
  await expect(page.getByTestId("action-success")).toBeVisible();

  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`/track?no=${no}`);
  await citizen.getByLabel("手机号").fill(phone);
  await citizen.getByRole("button", { name: "查询" }).click();
  const tracked = citizen.getByTestId("tracked-ticket");
  await expect(tracked.getByTestId("step-attachment")).toHaveCount(1);
  await expect(tracked.getByTestId("step-attachment")).toContainText("整改后");
  const src = await tracked.getByTestId("step-attachment").locator("img").getAttribute("src");
  const response = await citizen.request.get(src!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/jpeg");
});

test("a 督办期限 is typed as YYYY-MM-DD and HH:MM, never the browser's mm/dd/yyyy (item 13)", async ({ page }) => {
  const no = await newZq1Ticket(page, phoneNo("153"));
  await loginAs(page, "manager");
  await page.goto(`/tickets/${no}`);
  await page.getByTestId("action-supervise").click();
  await expect(page.locator('input[type="datetime-local"]')).toHaveCount(0);
  await page.getByLabel("督办要求").fill("群众多次反映，请三日内办结");
  const due = new Date(Date.now() + 3 * 86_400_000);
  const day = due.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }); // YYYY-MM-DD
  await page.getByLabel("日期（YYYY-MM-DD）").fill(day);
  await page.getByLabel("时间（HH:MM，24 小时制）").fill("17:30");
  await expect(page.getByTestId("datetime-dueAt")).toHaveValue(`${day} 17:30`);
  await page.getByRole("button", { name: "确认督办" }).click();
  await expect(page.getByTestId("action-success")).toBeVisible();
  const ticket = (await (await page.request.get(`/api/v1/tickets/${no}`)).json()) as { events: { type: string; payload: { dueAt?: string } }[] };
  const supervised = ticket.events.find((e) => e.type === "SUPERVISED")!;
  expect(new Date(supervised.payload.dueAt!).toLocaleString("sv-SE", { timeZone: "Asia/Shanghai" })).toBe(`${day} 17:30:00`);
});
