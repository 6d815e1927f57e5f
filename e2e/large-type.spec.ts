// Issue 13 item 20: the citizen pages' 大字版 (关怀模式) — larger type and touch targets, darker
// colours — stays on across pages and visits, and the server renders it (no small-type flash).
// That the mode itself passes axe is checked in e2e/accessibility.spec.ts.
import { expect, test, type Page } from "@playwright/test";
import { CARE_MODE_COOKIE } from "../lib/domain/care-mode";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const px = (page: Page, selector: string, property: "fontSize" | "minHeight" | "color") =>
  page.locator(selector).first().evaluate((el, prop) => getComputedStyle(el)[prop], property);

test("a citizen switches on 大字版, keeps it on every page and the next visit, and switches it off", async ({ page, context }) => {
  await page.goto("/");
  const toggle = page.getByTestId("care-mode-toggle");
  await expect(toggle).toHaveText("大字版");
  expect(await px(page, "main p", "fontSize")).toBe("16px");

  await toggle.click();
  await expect(toggle).toHaveText("退出大字版");
  // Body text of at least 18 px (the 规范), and darker than the standard grey.
  expect(parseFloat(await px(page, "main p", "fontSize"))).toBeGreaterThanOrEqual(20);
  expect(await px(page, "main p", "color")).not.toBe("rgb(71, 85, 105)");

  // The server renders the mode: the HTML itself carries it, before any script runs.
  const html = await (await page.request.get("/submit")).text();
  expect(html).toContain('data-care-mode="on"');

  // Another page, then a new visit (new tab, same browser): still on, without touching anything.
  await page.getByRole("link", { name: /我要反映诉求/ }).click();
  await expect(page.getByRole("heading", { name: "我要反映诉求" })).toBeVisible();
  await expect(page.locator("[data-care-mode]")).toHaveAttribute("data-care-mode", "on");
  expect(parseFloat(await px(page, "button[type=submit]:has-text('提交诉求')", "minHeight"))).toBeGreaterThanOrEqual(44);
  expect(parseFloat(await px(page, "label:has(input[name=type]) span[id]", "fontSize"))).toBeGreaterThanOrEqual(18);
  const cookie = (await context.cookies()).find((c) => c.name === CARE_MODE_COOKIE);
  expect(cookie?.expires, "kept for later visits, not only this session").toBeGreaterThan(Date.now() / 1000 + 300 * 86_400);

  const again = await context.newPage();
  await again.goto("/track");
  await expect(again.locator("[data-care-mode]")).toHaveAttribute("data-care-mode", "on");
  expect(await px(again, "html", "fontSize")).toBe("20px");
  await again.getByTestId("care-mode-toggle").click();
  await expect(again.getByTestId("care-mode-toggle")).toHaveText("大字版");
  await expect(again.locator("[data-care-mode]")).toHaveAttribute("data-care-mode", "off");
  expect(await px(again, "html", "fontSize")).toBe("16px");
  expect((await context.cookies()).some((c) => c.name === CARE_MODE_COOKIE)).toBe(false);
});

test("the switch refuses a forged mode and stores nothing", async ({ page, context }) => {
  await page.goto("/");
  // Submit the real form with a value no button offers (as a forged post would).
  await page.locator("input[name=mode]").evaluate((input) => ((input as HTMLInputElement).value = "huge"));
  await page.getByTestId("care-mode-toggle").click();
  await page.goto("/");
  await expect(page.locator("[data-care-mode]")).toHaveAttribute("data-care-mode", "off");
  expect((await context.cookies()).some((c) => c.name === CARE_MODE_COOKIE)).toBe(false);
});
