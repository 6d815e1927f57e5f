import { describe, expect, it } from "vitest";
import { judgeText, loadModel } from "./model";
import { fitTemperature, NaiveBayesCounts, naiveBayes, softmax } from "./naive-bayes";
import { mostSimilar, similarIndex } from "./similar";
import { suggestUnit, unitFromHistory } from "./suggest";
import { featuresOf, foldText, placeMask } from "./text";
import { beats, evaluate, isHeldOut, Trainer, type Evaluation, type LabelledText } from "./train";

const text = (category: string, content: string, extra: Partial<LabelledText> = {}): LabelledText => ({ no: null, title: "", content, place: null, category, unit: null, ...extra });

const CORPUS: LabelledText[] = [
  text("ENFORCEMENT", "小区门口车辆违法停车，堵住消防通道"),
  text("ENFORCEMENT", "有车长期违停在人行道上，请来贴罚单"),
  text("ENFORCEMENT", "渣土车闯红灯，还超载，请严查"),
  text("TRAFFIC_ORG", "路口信号灯配时太短，左转排队很长"),
  text("TRAFFIC_ORG", "道路标线磨损看不清，请重新施划标线"),
  text("TRAFFIC_ORG", "红绿灯坏了一直黄闪"),
  text("ACCIDENT", "事故认定书迟迟没有出具，影响理赔"),
  text("ACCIDENT", "追尾事故对方逃逸，想调取监控"),
  text("SERVICE", "驾驶证换证预约一直失败，12123 登录不上"),
  text("SERVICE", "机动车年检预约咨询"),
  text("NON_POLICE", "路灯不亮，晚上走路很危险"),
  text("NON_POLICE", "马路上有个大坑，井盖也丢了"),
  text("CONGESTION", "学校门口上下学时段拥堵严重"),
  text("CONGESTION", "早高峰商场门口堵车厉害，希望派警力疏导"),
];

async function trained(extra: LabelledText[] = []) {
  const trainer = new Trainer(["ZQ1", "ZQ2", "SG"]);
  await trainer.add([...CORPUS, ...extra]);
  return { trainer, ...(await trainer.finish()) };
}

describe("complaint text features", () => {
  it("folds width, case and digits, and splits on punctuation", () => {
    expect(foldText("ＡＢ１２３号")).toBe("ab0号");
    const grams = featuresOf({ title: "违停", content: "东昌路128号，违停！" }).features.map((f) => f.gram);
    expect(grams).toEqual(expect.arrayContaining(["违停", "东昌路", "0号", "违"]));
    expect(grams).not.toContain("停东"); // title and content are separate runs
    expect(new Set(grams).size).toBe(grams.length); // presence, not counts
  });
});

describe("place names and the category", () => {
  it("blanks the site's place names for the category, keeping offsets, longest name first", () => {
    const mask = placeMask(["东昌路", "东昌路小学", "东城区", "x"]);
    const { text, features } = featuresOf({ content: "东昌路小学门口违停" }, mask);
    expect(text).toBe("     门口违停");
    expect(features.map((f) => f.gram)).not.toContain("东昌");
    expect(featuresOf({ content: "东昌路小学门口违停" }).features.map((f) => f.gram)).toContain("东昌");
    expect(placeMask([])).toBeNull();
  });

  it("does not learn a road as evidence for a category, but the unit model still learns the road", async () => {
    const site = [
      text("TRAFFIC_ORG", "花园北路信号灯配时太短", { no: "20250101000011", unit: "ZQ1" }),
      text("TRAFFIC_ORG", "花园北路标线磨损看不清", { no: "20250101000012", unit: "ZQ1" }),
      text("TRAFFIC_ORG", "花园北路的指路牌写错了", { no: "20250101000013", unit: "ZQ1" }),
    ].filter((t) => !isHeldOut(t.no!));
    const trainer = new Trainer(["ZQ1", "ZQ2"], ["花园北路"]);
    await trainer.add([...CORPUS, ...site]);
    const { model } = await trainer.finish();
    const judgement = judgeText(model, { content: "花园北路路灯不亮，晚上走路很危险" });
    expect(judgement.categories[0]!.code).toBe("NON_POLICE");
    expect(judgement.reasons.map((r) => r.text).join("")).not.toContain("花园");
    expect(judgement.units[0]!.code).toBe("ZQ1");
  });
});

describe("naive Bayes", () => {
  it("ranks the label whose words a text shares", () => {
    const counts = new NaiveBayesCounts(["A", "B"]);
    counts.add(["红", "灯"], "A");
    counts.add(["停", "车"], "B");
    counts.add(["x"], "Z"); // a label the model was not made for is ignored
    const model = naiveBayes(counts.finish());
    expect(model.trained).toEqual([true, true]);
    expect(model.vocabulary.has("x")).toBe(false);
  });

  it("tempers probabilities and fits the temperature with the least held-out loss", () => {
    const sure = softmax(Float64Array.from([0, -20]), 1);
    const tempered = softmax(Float64Array.from([0, -20]), 20);
    expect(sure[0]).toBeGreaterThan(0.999);
    expect(tempered[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 5);
    // Right only half the time with huge margins: a high temperature fits best.
    const samples = [
      { scores: Float64Array.from([0, -30]), label: 0 },
      { scores: Float64Array.from([0, -30]), label: 1 },
    ];
    expect(fitTemperature(samples)).toBeGreaterThanOrEqual(50);
  });
});

describe("judging a complaint", () => {
  it("chooses the category, gives a runner-up, and quotes the caller's words that weighed most", async () => {
    const { model } = await trained();
    const judgement = judgeText(model, { title: "违停", content: "我家小区门口天天有车违法停车，堵住消防通道" });
    expect(judgement.categories[0]!.code).toBe("ENFORCEMENT");
    expect(judgement.categories).toHaveLength(6);
    expect(judgement.categories[0]!.confidence).toBeGreaterThan(judgement.categories[1]!.confidence);
    expect(judgement.categories.reduce((s, c) => s + c.confidence, 0)).toBeCloseTo(1, 6);
    expect(judgement.reasons.length).toBeGreaterThan(0);
    expect(judgement.reasons.some((r) => r.text.includes("停车") || r.text.includes("消防"))).toBe(true);
    for (const reason of judgement.reasons) expect(foldText("违停。我家小区门口天天有车违法停车，堵住消防通道")).toContain(reason.text);
  });

  it("still answers for words it has never seen (the priors decide)", async () => {
    const { model } = await trained();
    const judgement = judgeText(model, { content: "𠀀𠀁𠀂" });
    expect(judgement.categories).toHaveLength(6);
    expect(judgement.reasons).toEqual([]);
  });

  it("shows similar past tickets and learns units from the site's tickets only", async () => {
    const site = [
      text("ENFORCEMENT", "光岳路小区门口违法停车堵住消防通道", { no: "20250101000001", title: "光岳路违停", unit: "ZQ1" }),
      text("ENFORCEMENT", "光岳路商场门口乱停车", { no: "20250101000002", title: "光岳路乱停车", unit: "ZQ1" }),
      text("ENFORCEMENT", "建设路人行道上违停", { no: "20250101000003", title: "建设路违停", unit: "ZQ2" }),
    ].filter((t) => !isHeldOut(t.no!));
    const { model } = await trained(site);
    const judgement = judgeText(model, { content: "光岳路小区门口有人违法停车" });
    expect(judgement.similar[0]).toMatchObject({ no: "20250101000001", category: "ENFORCEMENT", unit: "ZQ1" });
    expect(judgement.units[0]!.code).toBe("ZQ1");
  });
});

describe("similar tickets", () => {
  it("skips grams found everywhere and answers nothing below the similarity floor", () => {
    const index = similarIndex([
      { no: "1", title: "a", category: "X", unit: null, grams: ["路口", "信号", "配时"] },
      { no: "2", title: "b", category: "X", unit: null, grams: ["路口", "违停"] },
    ]);
    expect(mostSimilar(index, ["信号", "配时"]).map((s) => s.exemplar.no)).toEqual(["1"]);
    expect(mostSimilar(index, ["完全", "无关"])).toEqual([]);
  });
});

describe("training and activation", () => {
  it("holds out one ticket in five by its number, the same for every model", () => {
    const numbers = Array.from({ length: 1000 }, (_, i) => `2025010100${String(i).padStart(4, "0")}`);
    const held = numbers.filter(isHeldOut).length;
    expect(held).toBeGreaterThan(150);
    expect(held).toBeLessThan(250);
    expect(numbers.filter(isHeldOut)).toEqual(numbers.filter(isHeldOut));
  });

  it("evaluates per category with a confusion matrix", async () => {
    const { model } = await trained();
    const e = await evaluate(model, [text("ENFORCEMENT", "门口违法停车堵住消防通道"), text("NON_POLICE", "路灯不亮很危险")]);
    expect(e.tickets).toBe(2);
    expect(e.top1).toBe(1);
    expect(e.confusion[2]![2]).toBe(1);
    expect(e.perCategory.find((c) => c.code === "NON_POLICE")).toMatchObject({ tickets: 1, top1: 1 });
  });

  it("activates a model only when it does better on the same held-out tickets", () => {
    const e = (top1: number, logLoss: number): Evaluation => ({ tickets: 10, top1, top2: 1, logLoss, perCategory: [], confusion: [], units: null });
    expect(beats(e(0.9, 0.3), e(0.8, 0.2))).toBe(true);
    expect(beats(e(0.8, 0.2), e(0.9, 0.1))).toBe(false);
    expect(beats(e(0.9, 0.2), e(0.9, 0.3))).toBe(true); // as many right, surer of them
    expect(beats(e(0.9, 0.3), e(0.9, 0.3))).toBe(false); // a tie is not better
    expect(beats({ ...e(1, 0), tickets: 0, top1: null }, null)).toBe(false); // nothing held out
  });

  it("round-trips through the stored form", async () => {
    const { data, model } = await trained();
    const reloaded = loadModel(JSON.parse(JSON.stringify(data)));
    const input = { content: "驾驶证换证预约失败" };
    expect(judgeText(reloaded, input).categories[0]!.code).toBe(judgeText(model, input).categories[0]!.code);
    expect(() => loadModel({ ...data, format: 0 as 1 })).toThrow(/format/);
  });
});

describe("suggesting a unit", () => {
  const rules = [
    { id: "1", name: "执勤 · 东城区", categoryCode: "ENFORCEMENT", subCategory: null, district: "东城区", keyword: null, unitCode: "ZQ1", priority: 0, active: true },
    { id: "2", name: "事故", categoryCode: "ACCIDENT", subCategory: null, district: null, keyword: null, unitCode: "SG", priority: 0, active: true },
  ];
  const nameOf = (code: string) => ({ ZQ1: "执勤一大队", ZQ2: "执勤二大队", SG: "事故处理大队" })[code] ?? null;

  it("says the rule decided on a chosen district, the model on a district read from the words", () => {
    expect(suggestUnit({ rules, category: "ENFORCEMENT", district: { name: "东城区", source: "given" }, units: [], nameOf })).toMatchObject({ unit: "ZQ1", source: "rule" });
    const read = suggestUnit({ rules, category: "ENFORCEMENT", district: { name: "东城区", source: "gazetteer", place: "东昌路" }, units: [], nameOf });
    expect(read).toMatchObject({ unit: "ZQ1", source: "model" });
    expect(read!.reason).toContain("东昌路");
    // A rule without a district criterion decides alone, whatever the words say.
    expect(suggestUnit({ rules, category: "ACCIDENT", district: { name: "东城区", source: "gazetteer", place: "东昌路" }, units: [], nameOf })).toMatchObject({ unit: "SG", source: "rule" });
  });

  it("falls back to the units of past tickets only when sure enough and only for units that own tickets", () => {
    expect(unitFromHistory([{ code: "ZHZX", confidence: 0.9 }, { code: "ZQ2", confidence: 0.6 }], nameOf)).toMatchObject({ unit: "ZQ2", source: "model", confidence: 0.6 });
    expect(unitFromHistory([{ code: "ZQ2", confidence: 0.3 }], nameOf)).toBeNull();
    expect(suggestUnit({ rules, category: "ENFORCEMENT", district: null, units: [{ code: "ZQ2", confidence: 0.7 }], nameOf })).toMatchObject({ unit: "ZQ2", source: "model" });
  });
});
