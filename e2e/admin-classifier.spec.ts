// 地名库 and 智能分类模型 (#14): an admin adds a road and finds it under its district; an admin reads
// the active model's evaluation. 立即训练 is left to the integration tests: it takes seconds.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { loginAs } from "./support/auth";

test("an admin adds a road to the gazetteer and finds it listed under its district", async ({ page }) => {
  const name = `测试${randomUUID().slice(0, 6)}路`;
  await loginAs(page, "admin");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "地名库" }).click();
  await expect(page.getByRole("heading", { name: "地名库", level: 1 })).toBeVisible();

  const form = page.getByTestId("place-add");
  await form.locator('input[name="name"]').fill(name);
  await form.locator('select[name="district"]').selectOption("北城区");
  await form.getByRole("button", { name: "添加" }).click();
  await expect(form.getByTestId("form-success")).toContainText(`已添加「${name}」（北城区，道路）`);

  const list = page.getByTestId("place-list");
  await list.getByRole("searchbox", { name: "搜索名称" }).fill(name);
  await list.getByRole("button", { name: /^北城区/ }).click();
  const row = list.getByTestId("place-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(name);
  await expect(row).toContainText("北城区");
  await expect(row).toContainText("道路");

  // The same name again is refused, saying where it already is.
  await form.locator('input[name="name"]').fill(name);
  await form.locator('select[name="district"]').selectOption("东城区");
  await form.getByRole("button", { name: "添加" }).click();
  await expect(form.getByTestId("error-name")).toHaveText(`「${name}」已在地名库中（北城区）`);
});

test("an admin opens 智能分类模型, reads the model trained on the demo history and the base model's evaluation", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "智能分类模型" }).click();
  await expect(page.getByRole("heading", { name: "智能分类模型", level: 1 })).toBeVisible();

  // The demo's first start trained on its history; that model beat the base one and is in use.
  const active = page.getByTestId("model-row").filter({ hasText: "使用中" });
  await expect(active).toContainText("演示历史训练");
  const evaluation = page.getByTestId("model-evaluation");
  await expect(evaluation).toContainText("训练时留出、未参与训练的");

  const base = page.getByTestId("model-row").filter({ hasText: "基础模型" });
  await base.getByRole("link", { name: "v1" }).click();
  await expect(evaluation).toContainText("仓库附带的独立评估集");
  const accuracy = evaluation.getByTestId("category-accuracy");
  for (const category of ["交通组织", "执勤执法", "非警务"]) await expect(accuracy.getByRole("rowheader", { name: category })).toBeVisible();
  const matrix = evaluation.getByTestId("confusion-matrix");
  await expect(matrix.getByRole("columnheader", { name: "交通组织" })).toBeVisible();
  await expect(matrix.locator('td[data-diagonal="true"]')).toHaveCount(6);
  await expect(page.getByRole("button", { name: "立即训练" })).toBeEnabled();
});
