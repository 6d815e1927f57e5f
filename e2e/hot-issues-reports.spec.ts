import { expect, test } from "@playwright/test";
import { loginAs } from "./support/auth";

test("a manager marks a hot issue 已研判 with a note; an empty note is refused", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/hot-issues");
  // The demo history plants repeated reports at a school gate in 西城区.
  const card = page.getByTestId("hot-issue").filter({ has: page.getByTestId("hot-issue-review-form") }).first();
  await expect(card).toBeVisible();
  const place = await card.getAttribute("data-place");
  expect(Number((await card.getByTestId("hot-issue-count").textContent())!.replace(/\D/g, ""))).toBeGreaterThanOrEqual(3);

  await card.getByRole("button", { name: /研判/ }).click();
  await expect(card.getByTestId("form-error")).toBeVisible();

  await card.getByLabel(/研判意见/).fill("已交责任大队会同市政部门排查，下周反馈");
  await card.getByRole("button", { name: /研判/ }).click();
  const reviewed = page.locator(`[data-testid="hot-issue"][data-place="${place}"]`).first();
  await expect(reviewed.getByTestId("hot-issue-reviewed")).toContainText("已交责任大队会同市政部门排查");
});

test("the printable annual report shows the figures with numerators and denominators", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/reports/print?kind=year&at=2022-06-01&unit=ZQ1");
  const satisfaction = page.getByTestId("report-overall").locator('[data-testid="report-row"][data-metric="satisfactionRate"]');
  await expect(satisfaction).toContainText("93.03%");
  await expect(satisfaction).toContainText("1335");
  await expect(satisfaction).toContainText("1435");
  await expect(page.getByTestId("report-summary")).toContainText("1476");
  // The staff navigation is not printed.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
});
