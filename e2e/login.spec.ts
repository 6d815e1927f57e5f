import { expect, test } from "@playwright/test";
import { signInViaApi, STAFF_PASSWORD } from "./support/auth";
import { createStaffUser } from "./support/db";

test("a handler signs in through the form, sees their unit, and signs out", async ({ page }) => {
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("用户名或手机号").fill("zq1.handler");
  await page.getByLabel("密码").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/workbench/);
  await expect(page.getByTestId("whoami")).toContainText("承办民警");
  await expect(page.getByTestId("my-unit")).toHaveText("执勤一大队");

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password is refused with a Chinese message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名或手机号").fill("zq1.handler");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("five wrong passwords lock the account: the sixth attempt is refused even with the right one", async ({ page }) => {
  const password = "Right-Passw0rd";
  const username = await createStaffUser({ role: "HANDLER", unitCode: "ZQ3", password });
  for (let i = 0; i < 5; i++) {
    const response = await signInViaApi(page.request, username, "wrong-password");
    expect(response.status()).toBe(401);
  }
  await page.goto("/login");
  await page.getByLabel("用户名或手机号").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("form-error")).toContainText("账户已锁定");
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session).toEqual({});
});
