// Administration: an admin tests a draft routing rule ("which unit, and why") before saving it.
// The e2e database is shared by specs running in parallel, so the rule's keyword is unique to
// this run and matches no other spec's tickets; the rule is deactivated again at the end.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { loginAs } from "./support/auth";

test("an admin previews a draft keyword rule, sees the unit and the reason, saves it and finds it listed", async ({ page }) => {
  const keyword = `测试路${randomUUID().slice(0, 6)}`;
  await loginAs(page, "admin");
  await page.goto("/admin/routing");
  await expect(page.getByRole("heading", { name: "分派规则", level: 1 })).toBeVisible();

  const form = page.getByTestId("rule-form");
  await form.locator('select[name="categoryCode"]').selectOption("ENFORCEMENT");
  await form.locator('input[name="keyword"]').fill(keyword);
  await form.locator('select[name="unitCode"]').selectOption("ZQ3");

  // A 东城区 ticket on that road: the district rule says 一大队, the draft keyword rule 三大队.
  const preview = page.getByTestId("rule-preview");
  await preview.locator('select[name="sample.district"]').selectOption("东城区");
  await preview.locator('input[name="sample.place"]').fill(`${keyword}与解放路交叉口`);
  await preview.getByRole("button", { name: "预览分派" }).click();
  await expect(page.getByTestId("preview-draft-unit")).toContainText("执勤三大队");
  await expect(page.getByTestId("preview-draft-unit")).toContainText("由本草稿决定");
  await expect(page.getByTestId("preview-draft-reason")).toContainText(`关键词「${keyword}」出现在地点中`);
  await expect(page.getByTestId("preview-current-unit")).toContainText("执勤一大队");
  // Previewing saved nothing.
  await expect(page.getByTestId("rule-row").filter({ hasText: keyword })).toHaveCount(0);

  await form.getByRole("button", { name: "保存规则" }).click();
  await expect(form.getByTestId("form-success")).toContainText("已保存规则");
  const row = page.getByTestId("rule-row").filter({ hasText: keyword });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("执勤执法");
  await expect(row).toContainText("执勤三大队");
  await expect(row.getByRole("button", { name: "停用" })).toBeVisible();

  // The change is in the log, with who made it.
  await page.goto("/admin");
  const entry = page.getByTestId("audit-row").filter({ hasText: keyword }).first();
  await expect(entry).toContainText("系统管理员");
  await expect(entry).toContainText("新建");

  await page.goto("/admin/routing");
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row).toContainText("已停用");
});

test("a manager may not open the administration pages", async ({ page }) => {
  await loginAs(page, "manager");
  const response = await page.goto("/admin/routing");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
});
