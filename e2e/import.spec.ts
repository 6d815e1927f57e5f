// 12345 batch import through the upload page. The e2e database is shared by specs running in
// parallel, so nothing here relies on global ticket counts, and the sample's 工单编号 may
// already be imported (then they are skipped: imported + skipped is always 20).
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { loginAs } from "./support/auth";

const SAMPLE = path.resolve("lib/import/fixtures/sample-12345-import.csv");

test("an admin imports the sample batch and sees the summary", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "导入 12345 承办单" })).toBeVisible();
  await expect(page.getByTestId("import-header")).toContainText("工单编号,来源渠道,受理时间");

  await page.getByTestId("import-file").setInputFiles(SAMPLE);
  await page.getByRole("button", { name: "开始导入" }).click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary).toContainText("UTF-8");
  const imported = Number(await page.getByTestId("import-imported").textContent());
  const skipped = Number(await page.getByTestId("import-skipped").textContent());
  expect(imported + skipped).toBe(20);
  await expect(page.getByTestId("import-errors")).toHaveCount(0);
});

test("a file with a bad phone on line 3 is rejected with its line and column, and nothing is imported", async ({ page }) => {
  // Fresh 工单编号 and a marker in every address, so the check below finds only this file's rows.
  const marker = `E2E${randomUUID().slice(0, 8)}`;
  const broken = readFileSync(SAMPLE, "utf8")
    .replaceAll("SAMPLE", `${marker}-`)
    .replaceAll("附近", `附近${marker}`)
    .replace("13830573909", "1383057"); // SAMPLE0001, line 3
  const file = path.join(tmpdir(), `import-broken-${marker}.csv`);
  writeFileSync(file, broken);

  // A dispatcher, who may both import and search tickets (ADMIN imports but reads no tickets).
  await loginAs(page, "dispatcher");
  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles(file);
  await page.getByRole("button", { name: "开始导入" }).click();

  const errors = page.getByTestId("import-errors");
  await expect(errors).toBeVisible({ timeout: 30_000 });
  await expect(errors).toContainText("未导入任何工单");
  const rows = page.getByTestId("import-error-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("import-error-line")).toHaveText("3");
  await expect(rows.first().getByTestId("import-error-column")).toHaveText("联系电话");
  await expect(page.getByTestId("import-summary")).toHaveCount(0);

  const search = await page.request.get(`/api/v1/tickets?q=${encodeURIComponent(marker)}`);
  expect(search.status()).toBe(200);
  expect((await search.json()).total).toBe(0);
});

test("a brigade handler may not open the import page", async ({ page }) => {
  await loginAs(page, "zq1.handler");
  const response = await page.goto("/import");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
});
