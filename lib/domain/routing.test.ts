import { describe, expect, it } from "vitest";
import { DISTRICTS, routingRules } from "../../prisma/seed/organisation";
import { findDistrictIn, keywordAlternatives, routeTicket, specificity, type RoutingRuleInput } from "./routing";

function rule(overrides: Partial<RoutingRuleInput> & Pick<RoutingRuleInput, "name" | "unitCode">): RoutingRuleInput {
  return {
    id: overrides.name,
    categoryCode: "TRAFFIC_ORG",
    subCategory: null,
    district: null,
    keyword: null,
    priority: 0,
    active: true,
    ...overrides,
  };
}

/** The rules `npm start` seeds, shaped as the DAL hands them to routing. */
const seeded: RoutingRuleInput[] = routingRules().map((r, i) => ({
  id: `seed-${i}`,
  name: r.name,
  categoryCode: r.categoryCode,
  subCategory: null,
  district: r.district,
  keyword: null,
  unitCode: r.unitCode,
  priority: 0,
  active: true,
}));

describe("routeTicket: specificity", () => {
  const categoryOnly = rule({ name: "交通组织 → 指挥中心", unitCode: "ZHZX" });
  const byDistrict = rule({ name: "交通组织 · 东城区 → ZQ1", district: "东城区", unitCode: "ZQ1" });
  const byKeyword = rule({ name: "人民路 → ZQ2", keyword: "人民路", unitCode: "ZQ2" });
  const rules = [categoryOnly, byDistrict, byKeyword];

  it("prefers a keyword rule over a district rule over a category-only rule", () => {
    const onRoad = routeTicket(rules, { category: "TRAFFIC_ORG", district: "东城区", place: "人民路与解放路口" });
    expect(onRoad).toMatchObject({ matched: true, unitCode: "ZQ2", candidates: 3 });

    const inDistrict = routeTicket(rules, { category: "TRAFFIC_ORG", district: "东城区", place: "花园北路" });
    expect(inDistrict).toMatchObject({ matched: true, unitCode: "ZQ1", candidates: 2 });

    const nowhere = routeTicket(rules, { category: "TRAFFIC_ORG", district: null, place: "花园北路" });
    expect(nowhere).toMatchObject({ matched: true, unitCode: "ZHZX", candidates: 1 });
  });

  it("lets a keyword alone outweigh sub-category and district together", () => {
    const subAndDistrict = rule({ name: "信号灯 · 东城区", subCategory: "信号灯", district: "东城区", unitCode: "ZQ1-1" });
    expect(specificity(byKeyword)).toBeGreaterThan(specificity(subAndDistrict));
    const decision = routeTicket([subAndDistrict, byKeyword], {
      category: "TRAFFIC_ORG",
      subCategory: "信号灯",
      district: "东城区",
      content: "人民路信号灯坏了",
    });
    expect(decision).toMatchObject({ matched: true, unitCode: "ZQ2" });
  });

  it("prefers a sub-category rule over a district rule", () => {
    const bySub = rule({ name: "信号灯 → ZQ1-1", subCategory: "信号灯", unitCode: "ZQ1-1" });
    const decision = routeTicket([byDistrict, bySub], { category: "TRAFFIC_ORG", subCategory: "信号灯", district: "东城区" });
    expect(decision).toMatchObject({ matched: true, unitCode: "ZQ1-1" });
  });

  it("breaks a specificity tie by higher priority, then by name", () => {
    const low = rule({ name: "A 低优先级", district: "东城区", unitCode: "ZQ1", priority: 1 });
    const high = rule({ name: "B 高优先级", district: "东城区", unitCode: "ZQ2", priority: 5 });
    const ticket = { category: "TRAFFIC_ORG", district: "东城区" };
    expect(routeTicket([low, high], ticket)).toMatchObject({ unitCode: "ZQ2" });
    expect(routeTicket([high, low], ticket)).toMatchObject({ unitCode: "ZQ2" });

    const sameA = rule({ name: "A", district: "东城区", unitCode: "ZQ3" });
    const sameB = rule({ name: "B", district: "东城区", unitCode: "ZQ4" });
    expect(routeTicket([sameB, sameA], ticket)).toMatchObject({ unitCode: "ZQ3" });
    expect(routeTicket([sameA, sameB], ticket)).toMatchObject({ unitCode: "ZQ3" });
  });

  it("does not let priority overcome specificity", () => {
    const urgentCategoryOnly = rule({ name: "兜底", unitCode: "ZHZX", priority: 100 });
    const decision = routeTicket([urgentCategoryOnly, byDistrict], { category: "TRAFFIC_ORG", district: "东城区" });
    expect(decision).toMatchObject({ unitCode: "ZQ1" });
  });
});

describe("routeTicket: matching", () => {
  it("ignores inactive rules", () => {
    const off = rule({ name: "停用", district: "东城区", unitCode: "ZQ2", active: false });
    const on = rule({ name: "启用", unitCode: "ZQ1" });
    expect(routeTicket([off, on], { category: "TRAFFIC_ORG", district: "东城区" })).toMatchObject({
      unitCode: "ZQ1",
      candidates: 1,
    });
    expect(routeTicket([off], { category: "TRAFFIC_ORG", district: "东城区" }).matched).toBe(false);
  });

  it("requires the category, sub-category and district to be equal", () => {
    const r = rule({ name: "信号灯 · 东城区", subCategory: "信号灯", district: "东城区", unitCode: "ZQ1" });
    expect(routeTicket([r], { category: "TRAFFIC_ORG", subCategory: "信号灯", district: "东城区" }).matched).toBe(true);
    expect(routeTicket([r], { category: "CONGESTION", subCategory: "信号灯", district: "东城区" }).matched).toBe(false);
    expect(routeTicket([r], { category: "TRAFFIC_ORG", subCategory: "标线", district: "东城区" }).matched).toBe(false);
    expect(routeTicket([r], { category: "TRAFFIC_ORG", subCategory: null, district: "东城区" }).matched).toBe(false);
    expect(routeTicket([r], { category: "TRAFFIC_ORG", subCategory: "信号灯", district: "西城区" }).matched).toBe(false);
    expect(routeTicket([r], { category: "TRAFFIC_ORG", subCategory: "信号灯" }).matched).toBe(false);
  });

  it("treats a blank criterion as 'any', like null", () => {
    const r = rule({ name: "空白辖区", district: "  ", keyword: "", subCategory: "", unitCode: "ZQ1" });
    expect(specificity(r)).toBe(0);
    expect(routeTicket([r], { category: "TRAFFIC_ORG", district: "西城区" }).matched).toBe(true);
  });

  it("accepts any of several keyword alternatives, in place or content, ignoring case and width", () => {
    const r = rule({ name: "环路", keyword: "人民路 | 解放路，G105、Ｓ２２９,", unitCode: "ZQ2" });
    expect(keywordAlternatives(r.keyword)).toEqual(["人民路", "解放路", "G105", "Ｓ２２９"]);
    const route = (t: { place?: string; content?: string }) => routeTicket([r], { category: "TRAFFIC_ORG", ...t });
    expect(route({ place: "解放路口" }).matched).toBe(true);
    expect(route({ content: "g105 国道收费站附近拥堵" }).matched).toBe(true);
    expect(route({ content: "s229 省道" }).matched).toBe(true);
    expect(route({ place: "花园北路", content: "信号灯不亮" }).matched).toBe(false);
    expect(route({}).matched).toBe(false);
  });
});

describe("routeTicket: reasons", () => {
  it("names the rule and the criteria that matched", () => {
    const r = rule({ name: "交通组织 · 东城区 → ZQ1", district: "东城区", unitCode: "ZQ1" });
    const decision = routeTicket([r], { category: "TRAFFIC_ORG", district: "东城区" });
    expect(decision.reason).toBe("规则「交通组织 · 东城区 → ZQ1」：分类「交通组织」、辖区「东城区」匹配");
  });

  it("names the keyword actually found and where", () => {
    const r = rule({ name: "人民路 → ZQ2", keyword: "解放路|人民路", subCategory: "信号灯", unitCode: "ZQ2" });
    const inPlace = routeTicket([r], { category: "TRAFFIC_ORG", subCategory: "信号灯", place: "人民路158号", content: "解放路方向" });
    expect(inPlace.reason).toBe("规则「人民路 → ZQ2」：分类「交通组织」、子分类「信号灯」匹配，关键词「人民路」出现在地点中");
    const inContent = routeTicket([r], { category: "TRAFFIC_ORG", subCategory: "信号灯", content: "解放路信号灯坏了" });
    expect(inContent.reason).toContain("关键词「解放路」出现在内容中");
  });

  it("says how many rules matched when it had to choose", () => {
    const a = rule({ name: "甲", unitCode: "ZQ1" });
    const b = rule({ name: "乙", district: "东城区", unitCode: "ZQ1" });
    expect(routeTicket([a, b], { category: "TRAFFIC_ORG", district: "东城区" }).reason).toContain("共 2 条规则匹配");
  });

  it("falls back to the category code when it has no Chinese name", () => {
    const decision = routeTicket([], { category: "UNKNOWN", district: "东城区" });
    expect(decision.reason).toBe("没有匹配的分派规则（分类「UNKNOWN」、辖区「东城区」），转指挥中心人工派单");
  });
});

describe("routeTicket with the seeded rules (DOMAIN §2)", () => {
  it("sends 交通组织 in 东城区 to ZQ1", () => {
    const decision = routeTicket(seeded, { category: "TRAFFIC_ORG", district: "东城区", place: "花园北路158号" });
    expect(decision).toMatchObject({ matched: true, unitCode: "ZQ1", candidates: 1 });
    expect(decision.reason).toBe("规则「交通组织 · 东城区 → ZQ1」：分类「交通组织」、辖区「东城区」匹配");
  });

  it("sends each district category to its district's brigade", () => {
    const expected = { 东城区: "ZQ1", 西城区: "ZQ2", 南城区: "ZQ3", 北城区: "ZQ4" };
    for (const category of ["TRAFFIC_ORG", "CONGESTION", "ENFORCEMENT", "NON_POLICE"]) {
      for (const district of DISTRICTS) {
        expect(routeTicket(seeded, { category, district })).toMatchObject({ unitCode: expected[district] });
      }
    }
  });

  it("sends 事故处理 to SG and 便民服务 to CGS whatever the district", () => {
    expect(routeTicket(seeded, { category: "ACCIDENT", district: "西城区" })).toMatchObject({ unitCode: "SG" });
    expect(routeTicket(seeded, { category: "ACCIDENT" })).toMatchObject({ unitCode: "SG" });
    expect(routeTicket(seeded, { category: "SERVICE", district: null })).toMatchObject({ unitCode: "CGS" });
  });

  it("leaves 执勤执法 without a district for the dispatcher", () => {
    expect(routeTicket(seeded, { category: "ENFORCEMENT", district: null })).toEqual({
      matched: false,
      reason: "没有匹配的分派规则（分类「执勤执法」、辖区「未填写」），转指挥中心人工派单",
    });
  });
});

describe("findDistrictIn", () => {
  it("finds the district named in a free address", () => {
    expect(findDistrictIn("示例市西城区人民路12号", DISTRICTS)).toBe("西城区");
    expect(findDistrictIn("北城区 解放路与花园北路交叉口", DISTRICTS)).toBe("北城区");
  });

  it("returns null when no district is named or the text is empty", () => {
    expect(findDistrictIn("人民路12号", DISTRICTS)).toBeNull();
    expect(findDistrictIn("", DISTRICTS)).toBeNull();
    expect(findDistrictIn(null, DISTRICTS)).toBeNull();
    expect(findDistrictIn("东城区", [])).toBeNull();
  });

  it("prefers the longest match over a shorter name it contains", () => {
    expect(findDistrictIn("新东城区花园路", ["东城区", "新东城区"])).toBe("新东城区");
    expect(findDistrictIn("新东城区花园路", ["新东城区", "东城区"])).toBe("新东城区");
    expect(findDistrictIn("东城区人民路", ["东城", "东城区"])).toBe("东城区");
  });

  it("among names of equal length, takes the one mentioned first", () => {
    expect(findDistrictIn("从西城区开往东城区", DISTRICTS)).toBe("西城区");
  });
});
