// Security headers on pages and API answers, and a strict CSP that the app itself never trips
// (issue 9 item 14).
import { expect, test, type APIResponse } from "@playwright/test";
import { loginAs } from "./support/auth";

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).not.toContain("'unsafe-inline' 'strict-dynamic'");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Served over plain http here: no HSTS promise.
  expect(headers["strict-transport-security"]).toBeUndefined();
  return headers;
}

test("a staff page and an API answer carry the security headers; one-time links send no referrer", async ({ page }) => {
  await loginAs(page, "dispatcher");
  const workbench = await page.request.get("/workbench");
  expect(workbench.status()).toBe(200);
  expect(expectSecurityHeaders(workbench)["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  const api = await page.request.get("/api/v1/tickets?pageSize=1");
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api);

  const evaluate = await page.request.get("/evaluate/not-a-real-token");
  expect(evaluate.headers()["referrer-policy"]).toBe("no-referrer");

  // Each response gets its own nonce.
  const again = await page.request.get("/workbench");
  expect(again.headers()["content-security-policy"]).not.toBe(workbench.headers()["content-security-policy"]);
});

test("the dashboard still draws its ECharts charts under the CSP, with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await loginAs(page, "manager");
  await page.goto("/dashboard?kind=year&at=2022-06-01&unit=ZQ1");
  await expect(page.locator("canvas").first()).toBeVisible();
  await expect(page.getByTestId("kpi-received").getByTestId("kpi-value")).toHaveText("1476");
  expect(violations).toEqual([]);
});
