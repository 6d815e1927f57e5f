import { describe, expect, it } from "vitest";
import { rankKnowledge } from "./knowledge";

const entry = (id: string, title: string, keywords: string, answer: string, categoryCode: string | null, uses = 0) => ({ id, title, keywords, answer, categoryCode, uses });
const ENTRIES = [
  entry("inspection", "机动车年检需要带哪些材料？", "年审 验车", "携带行驶证、交强险保单到检测站。", "SERVICE", 5),
  entry("licence", "驾驶证到期怎么换证？", "换证 期满", "可在 12123 App 申请期满换证。", "SERVICE", 9),
  entry("fine", "交通违法怎么处理？", "罚款 扣分", "可在 12123 App 处理违法、缴纳罚款。", "ENFORCEMENT", 1),
];

describe("knowledge search", () => {
  it("needs every word and weighs the title over the keywords over the answer", () => {
    expect(rankKnowledge(ENTRIES, "年审").map((e) => e.id)).toEqual(["inspection"]);
    expect(rankKnowledge(ENTRIES, "12123").map((e) => e.id)).toEqual(["licence", "fine"]);
    expect(rankKnowledge(ENTRIES, "换证，12123").map((e) => e.id)).toEqual(["licence"]);
    expect(rankKnowledge(ENTRIES, "年审 罚款")).toEqual([]);
  });

  it("prefers the topic, then use; with no words lists the topic's entries by use", () => {
    expect(rankKnowledge(ENTRIES, "12123", "ENFORCEMENT").map((e) => e.id)).toEqual(["fine", "licence"]);
    expect(rankKnowledge(ENTRIES, "", "SERVICE").map((e) => e.id)).toEqual(["licence", "inspection"]);
    expect(rankKnowledge(ENTRIES, "").map((e) => e.id)).toEqual(["licence", "inspection", "fine"]);
  });
});
