import { describe, expect, it } from "vitest";
import { hideLinkTokens, renderNotification, settledPayload } from "./notifications";

const token = "q2CVjS0y2kC3Q2e2Zr1uH0m5Xn8dWzKc1o3bYp7Tt9s";

describe("evaluation links outside the citizen's SMS", () => {
  it("hides the token in a rendered text", () => {
    const text = renderNotification("REPLIED", { no: "20261130000001", reply: "已处理", link: `/evaluate/${token}` });
    expect(hideLinkTokens(text)).toContain("/evaluate/…");
    expect(hideLinkTokens(text)).not.toContain(token);
  });

  it("drops the link from a settled payload but records that one was sent", () => {
    expect(settledPayload({ no: "20261130000001", reply: "已处理", link: `/evaluate/${token}`, expiresAt: "2026-12-07T00:00:00Z" })).toEqual({
      no: "20261130000001",
      reply: "已处理",
      expiresAt: "2026-12-07T00:00:00Z",
      linkSent: true,
    });
    expect(settledPayload({ no: "20261130000001", unitName: null })).toEqual({ no: "20261130000001", unitName: null });
  });
});
