import { expect, test } from "@playwright/test";

test.describe("citizen home page", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("explains the service, offers both citizen actions and points emergencies to 122", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/接诉即办/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("诉求");
    await expect(page.getByRole("link", { name: /我要反映诉求/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /查询办理进度/ })).toBeVisible();
    await expect(page.getByRole("note")).toContainText("122");
    // Large touch targets on a phone: both actions are at least 44 px tall.
    for (const name of [/我要反映诉求/, /查询办理进度/]) {
      const box = await page.getByRole("link", { name }).boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
  });
});

test("health check answers ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { reachable: true, writable: true } });
});
