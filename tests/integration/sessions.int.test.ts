// Sessions end when they should (issue 9 item 13) and cannot be used for cross-site writes
// (item 12): route handlers are called with a real session cookie, as a browser would send it.
import { describe, expect, it } from "vitest";
import { POST as act } from "@/app/api/v1/tickets/[no]/actions/route";
import { GET as list, POST as create } from "@/app/api/v1/tickets/route";
import { authOptions } from "@/lib/auth/options";
import { changeUserRole, createStaffUser, resetUserPassword, setUserActive } from "@/lib/dal/admin/users";
import { db } from "@/lib/db";
import { actorOf, requestAs } from "../support/actors";
import { cookieFor, signInCookie } from "../support/session-cookie";

const ORIGIN = "http://localhost";

function withCookie(cookie: string, url: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("cookie", cookie);
  return new Request(new URL(url, ORIGIN), { ...init, headers });
}

async function status(cookie: string) {
  return (await list(withCookie(cookie, "/api/v1/tickets?pageSize=1"))).status;
}

let serial = 0;
async function newStaff(role: "DISPATCHER" | "HANDLER" = "DISPATCHER") {
  const admin = await actorOf("admin");
  const username = `session.${role.toLowerCase()}.${++serial}`;
  const password = "Start2026go";
  const unitCode = role === "DISPATCHER" ? "ZHZX" : "ZQ1";
  const { id } = await createStaffUser(admin, { username, displayName: "会话测试", role, unitCode, phone: "", password });
  return { id, username, password, admin };
}

describe("session revocation", () => {
  it("a signed-in cookie works until sign-out, then never again", async () => {
    const user = await newStaff();
    const { cookie, token } = await signInCookie(user.username, user.password);
    expect(await status(cookie)).toBe(200);
    await authOptions.events!.signOut!({ token, session: null as never });
    expect(await status(cookie)).toBe(401);
    // Signing in again gives a new, working session.
    expect(await status((await signInCookie(user.username, user.password)).cookie)).toBe(200);
  });

  it("an admin password reset, role or unit change and deactivation each end existing sessions", async () => {
    const user = await newStaff();
    let { cookie } = await signInCookie(user.username, user.password);
    await resetUserPassword(user.admin, user.id, { password: "Second2026go" });
    expect(await status(cookie)).toBe(401);

    ({ cookie } = await signInCookie(user.username, "Second2026go"));
    expect(await status(cookie)).toBe(200);
    await changeUserRole(user.admin, user.id, { role: "MANAGER", unitCode: "ZD" });
    expect(await status(cookie)).toBe(401);

    ({ cookie } = await signInCookie(user.username, "Second2026go"));
    expect(await status(cookie)).toBe(200);
    await setUserActive(user.admin, user.id, false);
    await setUserActive(user.admin, user.id, true);
    expect(await status(cookie)).toBe(401);
  });

  it("refuses a session token issued without a version, or forged without the secret", async () => {
    const user = await newStaff();
    const { token } = await signInCookie(user.username, user.password);
    expect(await status(await cookieFor({ ...token, sv: undefined }))).toBe(401);
    expect(await status(`next-auth.session-token=${Buffer.from(JSON.stringify(token)).toString("base64url")}`)).toBe(401);
  });
});

describe("cross-site writes with the session cookie", () => {
  async function signedTicket() {
    const created = await create(
      await requestAs("dispatcher", "/api/v1/tickets", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          type: "COMPLAINT",
          category: "TRAFFIC_ORG",
          title: "路口信号灯配时不合理",
          content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
          district: "东城区",
          place: "光岳路与东昌路路口",
          phone: "13912340077",
        }),
      }),
    );
    const { no } = (await created.json()) as { no: string };
    const signed = await act(
      await requestAs("zq1.handler", `/api/v1/tickets/${no}/actions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ action: "sign", version: 1 }),
      }),
      { params: Promise.resolve({ no }) },
    );
    expect(signed.status).toBe(200);
    return no;
  }

  const note = JSON.stringify({ action: "note", version: 2, text: "跨站表单写入的备注" });
  const events = (no: string) => db.ticketEvent.count({ where: { ticket: { no } } });

  it("refuses a cross-site text/plain form post and stores nothing; the same request with a Bearer token works", async () => {
    const no = await signedTicket();
    const { cookie } = await signInCookie("zq1.handler", "demo123456");
    const before = await events(no);
    const params = { params: Promise.resolve({ no }) };
    const crossSite = { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain" };

    const forged = await act(withCookie(cookie, `/api/v1/tickets/${no}/actions`, { method: "POST", headers: crossSite, body: note }), params);
    expect(forged.status).toBe(403);
    expect((await forged.json()).error).toMatch(/跨站/);
    const forgedJson = await act(
      withCookie(cookie, `/api/v1/tickets/${no}/actions`, { method: "POST", headers: { ...crossSite, "content-type": "application/json" }, body: note }),
      params,
    );
    expect(forgedJson.status).toBe(403);
    const sameSiteText = await act(
      withCookie(cookie, `/api/v1/tickets/${no}/actions`, { method: "POST", headers: { origin: ORIGIN, host: "localhost", "content-type": "text/plain" }, body: note }),
      params,
    );
    expect(sameSiteText.status).toBe(415);
    expect(await events(no)).toBe(before);

    const bearer = await act(
      await requestAs("zq1.handler", `/api/v1/tickets/${no}/actions`, { method: "POST", headers: crossSite, body: note }),
      params,
    );
    expect(bearer.status).toBe(200);
    expect(await events(no)).toBe(before + 1);
  });

  it("accepts the app's own same-origin JSON write with the cookie", async () => {
    const no = await signedTicket();
    const { cookie } = await signInCookie("zq1.handler", "demo123456");
    const response = await act(
      withCookie(cookie, `/api/v1/tickets/${no}/actions`, {
        method: "POST",
        headers: { "sec-fetch-site": "same-origin", origin: ORIGIN, host: "localhost", "content-type": "application/json" },
        body: note,
      }),
      { params: Promise.resolve({ no }) },
    );
    expect(response.status).toBe(200);
  });
});
