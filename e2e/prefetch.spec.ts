import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support/auth";

// Issue 15: a page prefetches what its user reaches for, not every link in sight. Before, each
// dashboard view fired ~59 background page renders (one per visible figure link) and each
// workbench view one per ticket row.

/** The requests a page fires by itself in the two seconds after it has loaded. */
async function backgroundRequests(page: Page, path: string): Promise<string[]> {
  const fired: string[] = [];
  let loaded = false;
  page.on("request", (request) => {
    if (loaded && request.resourceType() === "fetch") fired.push(request.url());
  });
  await page.goto(path, { waitUntil: "load" });
  loaded = true;
  await page.waitForTimeout(2000);
  return fired;
}

test("the dashboard and the workbench open without prefetching their links; hovering one prefetches it", async ({ page }) => {
  await loginAs(page, "manager");
  const onDashboard = await backgroundRequests(page, "/dashboard?kind=year&at=2022-06-01&unit=ZQ1");
  expect(onDashboard.length, onDashboard.join("\n")).toBeLessThan(5);

  // A pointer on a figure asks for its drill-down before the click.
  const prefetched = page.waitForRequest((request) => request.url().includes("/dashboard/tickets") && request.resourceType() === "fetch");
  await page.getByTestId("kpi-satisfactionRate").getByTestId("kpi-den").hover();
  await prefetched;
  await page.getByTestId("kpi-satisfactionRate").getByTestId("kpi-den").click();
  await expect(page).toHaveURL(/\/dashboard\/tickets\?/);
  await expect(page.getByTestId("ticket-row").first()).toBeVisible();

  await loginAs(page, "zq1.handler");
  const onWorkbench = await backgroundRequests(page, "/workbench?tab=all");
  expect(onWorkbench.length, onWorkbench.join("\n")).toBeLessThan(5);
  await expect(page.getByTestId("ticket-row").first()).toBeVisible();
});
