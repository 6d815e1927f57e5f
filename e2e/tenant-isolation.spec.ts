// IDOR regression: a brigade handler can never read another brigade's ticket, by page, by API
// with the session cookie, or by API token — nor learn that it exists (404 as for no ticket).
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR, e2eDatabaseUrl } from "./support/engine";
import { loginAs } from "./support/auth";

async function aZq1TicketNo(page: import("@playwright/test").Page): Promise<string> {
  await loginAs(page, "zq1.handler");
  const { items } = await (await page.request.get("/api/v1/tickets?unit=ZQ1&pageSize=1")).json();
  await page.context().clearCookies();
  return items[0].no as string;
}

test("zq2.handler cannot open a ZQ1 ticket's page or API record", async ({ page }) => {
  const no = await aZq1TicketNo(page);
  await loginAs(page, "zq2.handler");

  // Exactly as for a number that does not exist: 404, so guessing learns nothing.
  const pageResponse = await page.goto(`/tickets/${no}`);
  expect(pageResponse?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(page.getByText(no)).toHaveCount(0);

  const unknown = "20000101000001";
  const api = await page.request.get(`/api/v1/tickets/${no}`);
  const missing = await page.request.get(`/api/v1/tickets/${unknown}`);
  expect(api.status()).toBe(404);
  expect(missing.status()).toBe(404);
  expect((await api.json()).error).toBe(((await missing.json()).error as string).replace(unknown, no));

  const filtered = await (await page.request.get("/api/v1/tickets?unit=ZQ1")).json();
  expect(filtered.total).toBe(0);
});

test("zq1.handler opens its own ticket with the citizen's full phone; a manager sees it masked", async ({ page }) => {
  const no = await aZq1TicketNo(page);
  await loginAs(page, "zq1.handler");
  await page.goto(`/tickets/${no}`);
  await expect(page.getByTestId("ticket-no")).toHaveText(no);
  await expect(page.getByTestId("citizen-phone")).toHaveText(/^1\d{10}$/);

  await page.context().clearCookies();
  await loginAs(page, "manager");
  const record = await (await page.request.get(`/api/v1/tickets/${no}`)).json();
  expect(record.citizen.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  expect(record.ownerUnit).toBe("ZQ1");
  expect(Array.isArray(record.events)).toBe(true);
});

test("a CLI token reads /api/v1/tickets for its own unit only; no credentials answer 401", async ({ page, request }) => {
  const no = await aZq1TicketNo(page);
  const output = execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "cli/index.ts", "token", "--user", "zq2.handler"], {
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
  });
  const token = output.trim().split("\n").at(-1)!;
  expect(token).toMatch(/^jsjb_/);
  const auth = { Authorization: `Bearer ${token}` };

  const list = await request.get("/api/v1/tickets?pageSize=200", { headers: auth });
  expect(list.status()).toBe(200);
  const { items } = (await list.json()) as { items: { ownerUnit: string }[] };
  expect(items.length).toBeGreaterThan(0);
  expect(new Set(items.map((t) => t.ownerUnit))).toEqual(new Set(["ZQ2"]));
  expect((await request.get(`/api/v1/tickets/${no}`, { headers: auth })).status()).toBe(404);

  expect((await request.get("/api/v1/tickets")).status()).toBe(401);
  expect((await request.get("/api/v1/tickets", { headers: { Authorization: "Bearer jsjb_forged" } })).status()).toBe(401);
});
