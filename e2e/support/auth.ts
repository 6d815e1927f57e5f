import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const STAFF_PASSWORD = "demo123456";
export const CITIZEN_PASSWORD = "citizen123";

/**
 * Signs in through next-auth's credentials endpoint (not the form: only the login journey
 * uses the form). The session cookie lands in the page's browser context.
 */
/**
 * What a browser adds to a fetch from one of our own pages. Writes to /api/v1 with the session
 * cookie must carry it (lib/auth/csrf.ts); Playwright's request client sends no Origin by itself.
 */
export const FROM_OUR_PAGES = { "sec-fetch-site": "same-origin" } as const;

export async function signInViaApi(request: APIRequestContext, username: string, password = STAFF_PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true" },
    maxRedirects: 0,
  });
  return response;
}

export async function loginAs(page: Page, username: string, password = STAFF_PASSWORD) {
  const response = await signInViaApi(page.request, username, password);
  expect(response.status(), `sign-in of ${username}`).toBeLessThan(400);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { role?: string } };
  expect(session.user?.role, `session of ${username}`).toBeTruthy();
}
