import { describe, expect, it } from "vitest";
import { describeEvent } from "./event-text";

describe("describeEvent", () => {
  it("shows a merged repeat call on the master: its number, channel, time and the caller's words", () => {
    const text = describeEvent("DUPLICATE_MERGED", {
      from: "20261130000042",
      receivedAt: "2026-11-30T00:12:00.000Z",
      channel: "PHONE_12123",
      content: "今天早上依然堵了二十多分钟",
    });
    expect(text).toBe("重复来电 工单 20261130000042（12123 语音，2026-11-30 08:12）：「今天早上依然堵了二十多分钟」");
    expect(describeEvent("DUPLICATE_MERGED", { from: "20261130000042" })).toBe("重复来电 工单 20261130000042");
  });

  it("falls back to the step's own words", () => {
    expect(describeEvent("NOTE", { note: "已现场查看" })).toBe("已现场查看");
    expect(describeEvent("SIGNED", {})).toBeNull();
  });

  it("says which deadline ran out", () => {
    expect(describeEvent("OVERDUE", { deadline: "SIGN", dueAt: "2026-11-30T01:00:00.000Z" })).toBe("签收超期（签收时限 2026-11-30 09:00）");
    expect(describeEvent("OVERDUE", { deadline: "CONTACT" })).toBe("首次联系超期");
    expect(describeEvent("OVERDUE", { deadline: "CLOSE", dueAt: "2026-12-01T10:00:00.000Z" })).toBe("办结超期（办结时限 2026-12-01 18:00）");
    expect(describeEvent("OVERDUE", {})).toBeNull();
  });

  it("names categories in routing notes, also in notes stored with codes", () => {
    expect(describeEvent("ROUTED", { reason: "分类「TRAFFIC_ORG」+ 辖区「东城区」匹配分派规则" })).toBe("分类「交通组织」+ 辖区「东城区」匹配分派规则");
    expect(describeEvent("ROUTING_FAILED", { reason: "没有匹配的分派规则（分类「CONGESTION」、辖区「未填写」）" })).toContain("分类「疏堵保畅」");
    // Codes that are not categories (unit codes, a rule's own name) are left as written.
    expect(describeEvent("ROUTED", { reason: "规则「ZQ1」：分类「交通组织」匹配" })).toBe("规则「ZQ1」：分类「交通组织」匹配");
  });

  it("tells the owner unit of a citizen's reminder and of photos added", () => {
    expect(describeEvent("CITIZEN_REMINDER", { source: "MY" })).toBe("反映人催办，请承办单位尽快办理");
    expect(describeEvent("CITIZEN_UPDATE", { text: "又堵了", photos: 2 })).toBe("又堵了；补充照片 2 张");
    expect(describeEvent("CITIZEN_UPDATE", { text: "", photos: 1 })).toBe("补充照片 1 张");
    expect(describeEvent("CITIZEN_UPDATE", { text: "只有文字" })).toBe("只有文字");
  });
});
