import { expect, test, type APIResponse } from "@playwright/test";
import { signInViaApi, STAFF_PASSWORD } from "./support/auth";
import { createStaffUser } from "./support/db";

test("a handler signs in through the form, sees their unit, and signs out", async ({ page }) => {
  // An account of its own: signing out ends every session of the user (issue 9 item 13), and
  // other tests signed in as the demo handlers run at the same time.
  const username = await createStaffUser({ role: "HANDLER", unitCode: "ZQ1", password: STAFF_PASSWORD });
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("用户名或手机号").fill(username);
  await page.getByLabel("密码").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/workbench/);
  await expect(page.getByTestId("whoami")).toContainText("承办民警");
  await expect(page.getByTestId("my-unit")).toHaveText("执勤一大队");

  // A copy of the cookie taken before signing out is worth nothing afterwards (issue 9 item 13).
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/login/);
  await page.context().addCookies(copied);
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password is refused with a Chinese message, keeps the name and says how many tries are left", async ({ page }) => {
  const username = await createStaffUser({ role: "HANDLER", unitCode: "ZQ1", password: STAFF_PASSWORD });
  await page.goto("/login");
  await page.getByLabel("用户名或手机号").fill(username);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("用户名或密码错误，还可尝试 4 次，之后需等待 1 分钟才能再试");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("用户名或手机号")).toHaveValue(username);
  // The name stays: only the password is typed again.
  await page.getByLabel("密码").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
});

test("five wrong passwords from one address make it wait, with one answer whether or not the account exists", async ({ page }) => {
  const password = "Right-Passw0rd";
  const username = await createStaffUser({ role: "HANDLER", unitCode: "ZQ3", password });
  // All through one client (one address: the browser may reach localhost by another one).
  const errorOf = async (response: APIResponse) => new URL(((await response.json()) as { url: string }).url).searchParams.get("error");
  for (let i = 0; i < 5; i++) {
    const known = await signInViaApi(page.request, username, "wrong-password");
    const unknown = await signInViaApi(page.request, `${username}.nobody`, "wrong-password");
    expect(known.status()).toBe(401);
    expect(await errorOf(known)).toMatch(/^用户名或密码错误/);
    expect(await errorOf(unknown)).toBe(await errorOf(known));
  }
  const right = await signInViaApi(page.request, username, password);
  expect(right.status()).toBe(401);
  expect(await errorOf(right)).toMatch(/^尝试次数过多，请 \d+ 分钟后再试$/);
  expect(await errorOf(await signInViaApi(page.request, `${username}.nobody`, "wrong-password"))).toMatch(/^尝试次数过多/);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session).toEqual({});
});
