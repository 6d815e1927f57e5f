import { describe, expect, it } from "vitest";
import { hideLinkTokens, renderNotification, sentence, settledPayload } from "./notifications";

const token = "q2CVjS0y2kC3Q2e2Zr1uH0";
const site = { publicUrl: "https://jsjb.example.gov.cn", signature: "示例市公安交管" };

describe("notice texts", () => {
  it("sends the evaluation link as an absolute address on the site", () => {
    const text = renderNotification("REPLIED", { no: "20261130000001", reply: "已调整配时", link: `/evaluate/${token}` }, site);
    expect(text).toBe(`【示例市公安交管】您的诉求（工单 20261130000001）已办理答复：已调整配时。请对办理结果进行评价：https://jsjb.example.gov.cn/evaluate/${token}。`);
    expect(renderNotification("REPLIED", { no: "1", reply: "好", link: "/evaluate/x" }, { publicUrl: "http://10.0.0.5:3000/", signature: "示例市公安交管" })).toContain("http://10.0.0.5:3000/evaluate/x");
  });

  it("signs every message with the site's registered signature", () => {
    const text = renderNotification("ACCEPTED", { no: "20261130000001", unitName: "执勤一大队", dueAt: null }, { ...site, signature: "聊城交警" });
    expect(text).toMatch(/^【聊城交警】您的诉求已受理，工单编号 20261130000001/);
    expect(text.match(/【/g)).toHaveLength(1);
  });

  it("ends staff text with one full stop, never two", () => {
    expect(sentence("感谢您的反映。")).toBe("感谢您的反映。");
    expect(sentence("已处理 ")).toBe("已处理。");
    expect(sentence("请注意安全！")).toBe("请注意安全！");
    const replied = renderNotification("REPLIED", { no: "20261130000001", reply: "感谢您的反映。" }, site);
    expect(replied).toBe("【示例市公安交管】您的诉求（工单 20261130000001）已办理答复：感谢您的反映。");
    expect(renderNotification("CLOSED_AFTER_REVIEW", { no: "1", note: "已说明情况。" }, site)).toContain("已说明情况。如有疑问");
  });
});

describe("evaluation links outside the citizen's SMS", () => {
  it("hides the token in a rendered text", () => {
    const text = renderNotification("REPLIED", { no: "20261130000001", reply: "已处理", link: `/evaluate/${token}` }, site);
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
