// Issue 13 item 20: every page, for every role, has no serious or critical axe violation.
// One signed-in page per role walks its own navigation (and the pages those lead to: a ticket,
// a dashboard drill-down, the printable report, each administration section), so a page added
// to a role's menu is checked without editing this file.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { CITIZEN_PASSWORD, loginAs } from "./support/auth";
import { evaluationLinkOfReplied } from "./support/db";
import { CARE_MODE_COOKIE } from "../lib/domain/care-mode";

/**
 * Records each serious or critical rule with the elements it flags, so the message says what to
 * fix; soft, so that one run lists every page's findings.
 */
async function expectNoSeriousViolations(page: Page) {
  await page.waitForLoadState("load");
  const { violations } = await new AxeBuilder({ page }).analyze();
  const findings = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes.slice(0, 20).map((n) => n.target.join(" ")).join(" | ")}`);
  expect.soft(findings, `axe on ${new URL(page.url()).pathname}${new URL(page.url()).search}`).toEqual([]);
}

test.describe.configure({ mode: "parallel" });

/** Pages a role reaches from its pages besides the main navigation; one of each shape is enough. */
const FOLLOWED = [/^\/tickets\/\d+(\/print)?$/, /^\/dashboard\/tickets$/, /^\/reports\/print$/, /^\/admin\/[a-z-]+$/];

/** The same route with other numbers or another query counts once ("/tickets/:n"). */
const routeOf = (path: string) => path.replace(/\d+/g, ":n");

async function sameSiteLinks(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page.locator(selector).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.filter((href) => new URL(href).origin === new URL(page.url()).origin);
}

/** Visits the role's navigation and what it links to, checking each page once; returns the routes. */
async function walkStaffPages(page: Page): Promise<string[]> {
  await page.goto("/workbench");
  const queue = await sameSiteLinks(page, "nav[aria-label='主导航'] a");
  expect(queue.length).toBeGreaterThan(0);
  const seen = new Set<string>();
  while (queue.length) {
    const href = queue.shift()!;
    const route = routeOf(new URL(href).pathname);
    if (seen.has(route)) continue;
    seen.add(route);
    await page.goto(href);
    await expectNoSeriousViolations(page);
    for (const link of await sameSiteLinks(page, "main a[href]")) {
      const path = new URL(link).pathname;
      if (FOLLOWED.some((pattern) => pattern.test(path)) && !seen.has(routeOf(path))) queue.push(link);
    }
  }
  return [...seen];
}

const STAFF = [
  { username: "dispatcher", expected: ["/workbench", "/console", "/callbacks", "/tickets/:n"] },
  { username: "zq1.handler", expected: ["/workbench", "/tickets/:n"] },
  { username: "zq1.lead", expected: ["/workbench", "/tickets/:n"] },
  { username: "manager", expected: ["/dashboard", "/dashboard/tickets", "/reports", "/reports/print", "/tickets/:n"] },
  { username: "admin", expected: ["/admin", "/admin/users", "/admin/calendar", "/admin/api-clients"] },
];

for (const { username, expected } of STAFF) {
  test(`every page ${username} can open passes axe`, async ({ page }) => {
    test.setTimeout(300_000);
    await loginAs(page, username);
    const routes = await walkStaffPages(page);
    expect(routes).toEqual(expect.arrayContaining(expected));
  });
}

/** The citizen pages anyone can open; pages the home page links to are added (e.g. a new public page). */
const CITIZEN_PAGES = ["/", "/submit", "/track", "/register", "/login"];

/**
 * Every citizen page: the public ones, the demo citizen's 我的诉求 and one of its tickets, tracking
 * that ticket by number and phone (the result), and a live evaluation link.
 */
async function checkCitizenPages(page: Page, evaluationLinkNth: number) {
  await page.goto("/");
  const linked = (await sameSiteLinks(page, "a[href]")).map((href) => new URL(href)).filter((url) => !url.search).map((url) => url.pathname);
  for (const path of new Set([...CITIZEN_PAGES, ...linked])) {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  }

  await loginAs(page, "13800000000", CITIZEN_PASSWORD);
  await page.goto("/my");
  await expectNoSeriousViolations(page);
  const ticketHref = await page.getByTestId("ticket-row").first().locator("a[href^='/my/']").first().getAttribute("href");
  await page.goto(ticketHref!);
  await expectNoSeriousViolations(page);
  await page.context().clearCookies({ name: /next-auth/ });

  await page.goto(`/track?no=${ticketHref!.split("/").pop()}`);
  await page.getByLabel("手机号").fill("13800000000");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("tracked-ticket")).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto(await evaluationLinkOfReplied(evaluationLinkNth));
  await expect(page.getByRole("heading", { name: "办理结果评价" })).toBeVisible();
  await expectNoSeriousViolations(page);
}

test("every citizen page passes axe", async ({ page }) => {
  test.setTimeout(300_000);
  await checkCitizenPages(page, 0);
});

test("every citizen page passes axe in the large-type mode (大字版)", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  await page.context().addCookies([{ name: CARE_MODE_COOKIE, value: "on", url: baseURL! }]);
  await checkCitizenPages(page, 1);
});
