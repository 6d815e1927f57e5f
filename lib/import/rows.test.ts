import { describe, expect, it } from "vitest";
import type { ImportFile } from "./read";
import { IMPORT_COLUMNS, titleFromContent, validateImport, type ImportColumn, type ImportResult } from "./rows";

const good: Record<ImportColumn, string> = {
  工单编号: "T1",
  来源渠道: "12345",
  受理时间: "2025-03-02 08:00",
  诉求类型: "投诉",
  诉求分类: "执勤执法",
  诉求内容: "小区门口长期有车辆违法停车，影响通行",
  诉求地点: "光岳路1号",
  联系人: "张先生",
  联系电话: "13800000000",
  承办单位: "ZQ1",
  签收时间: "2025-03-02 08:30",
  首次联系时间: "2025-03-02 09:00",
  答复时间: "2025-03-03 10:00",
  办结时间: "2025-03-05 10:00",
  是否解决: "是",
  满意度: "满意",
};

function file(...rows: Partial<Record<ImportColumn, string>>[]): ImportFile {
  return {
    header: [...IMPORT_COLUMNS],
    rows: rows.map((cells, i) => ({ line: i + 2, cells: { ...good, 工单编号: `T${i + 1}`, ...cells } as Record<string, string> })),
  };
}

function errorsOf(result: ImportResult) {
  if (result.ok) throw new Error("expected errors, got rows");
  return result.errors.map((e) => ({ line: e.line, column: e.column, reason: e.reason }));
}

function onlyRow(result: ImportResult) {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  expect(result.rows).toHaveLength(1);
  return result.rows[0]!;
}

describe("validateImport: codes", () => {
  it("maps every 来源渠道 of DOMAIN.md §7", () => {
    const channels = ["12345", "12123", "网站", "微信", "来电", "其他"];
    const result = validateImport(file(...channels.map((来源渠道) => ({ 来源渠道 }))));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rows.map((r) => r.channel)).toEqual(["HOTLINE_12345", "PHONE_12123", "WEB", "WECHAT", "PHONE_12123", "IMPORT"]);
  });

  it("maps the Chinese type, category, 是否解决 and 满意度 names to codes", () => {
    const row = onlyRow(validateImport(file({ 诉求类型: "建议", 诉求分类: "便民服务", 是否解决: "否", 满意度: "基本满意" })));
    expect(row).toMatchObject({ type: "SUGGESTION", category: "SERVICE", resolved: false, satisfaction: "BASIC" });
  });

  it("explains unknown values with the allowed list", () => {
    const errors = errorsOf(validateImport(file({ 来源渠道: "信件", 诉求分类: "交通", 是否解决: "已解决", 满意度: "非常满意" })));
    expect(errors).toEqual([
      { line: 2, column: "来源渠道", reason: "无法识别来源渠道“信件”，应为 12345、12123、网站、微信、来电、其他 之一" },
      { line: 2, column: "诉求分类", reason: "无法识别诉求分类“交通”，应为 交通组织、疏堵保畅、执勤执法、事故处理、便民服务、非警务 之一" },
      { line: 2, column: "是否解决", reason: "是否解决“已解决”无法识别，应为 是、否 或留空" },
      { line: 2, column: "满意度", reason: "满意度“非常满意”无法识别，应为 满意、基本满意、不满意、未评价 或留空" },
    ]);
  });
});

describe("validateImport: required and free text", () => {
  it("collects every missing required value of a row", () => {
    const errors = errorsOf(validateImport(file({ 工单编号: " ", 来源渠道: "", 受理时间: "", 诉求类型: "", 诉求分类: "", 诉求内容: "" })));
    expect(errors.map((e) => e.column)).toEqual(["工单编号", "来源渠道", "诉求类型", "诉求分类", "诉求内容", "受理时间"]);
    expect(errors.every((e) => e.reason.startsWith("请填写"))).toBe(true);
  });

  it("limits lengths of 工单编号, 诉求内容, 诉求地点, 联系人 and 承办单位", () => {
    const errors = errorsOf(
      validateImport(file({ 工单编号: "X".repeat(41), 诉求内容: "字".repeat(4001), 诉求地点: "路".repeat(101), 联系人: "名".repeat(21), 承办单位: "队".repeat(51) })),
    );
    expect(errors.map((e) => e.column)).toEqual(["工单编号", "诉求内容", "诉求地点", "联系人", "承办单位"]);
    expect(errors[1]?.reason).toBe("诉求内容不超过 4000 个字（现有 4001 个字），请精简");
    expect(onlyRow(validateImport(file({ 工单编号: "X".repeat(40), 诉求内容: "字".repeat(4000) }))).externalId).toHaveLength(40);
  });

  it("accepts short upstream content (the sample has 7-character complaints) and derives the title", () => {
    const row = onlyRow(validateImport(file({ 诉求内容: " 人行道坑洼不平 " })));
    expect(row).toMatchObject({ content: "人行道坑洼不平", title: "人行道坑洼不平" });
  });

  it("keeps empty optional text as null and the unit as written", () => {
    const row = onlyRow(validateImport(file({ 诉求地点: "", 联系人: "", 承办单位: " 执勤一大队 " })));
    expect(row).toMatchObject({ place: null, name: null, unitText: "执勤一大队" });
    expect(onlyRow(validateImport(file({ 承办单位: "" }))).unitText).toBeNull();
  });
});

describe("titleFromContent", () => {
  it("cuts at 20 characters with an ellipsis and flattens line breaks", () => {
    expect(titleFromContent("路口信号灯配时不合理，早高峰左转车辆排队过长")).toBe("路口信号灯配时不合理，早高峰左转车辆排队…");
    expect(titleFromContent("一二三四五六七八九十一二三四五六七八九十")).toBe("一二三四五六七八九十一二三四五六七八九十");
    expect(titleFromContent("第一行\n第二行")).toBe("第一行 第二行");
    expect(titleFromContent("12123 上驾驶证换证预约失败 请帮 忙处理一下")).toBe("12123 上驾驶证换证预约失败 请帮…");
  });
});

describe("validateImport: 联系电话", () => {
  it("accepts a mobile written with spaces or dashes, and treats empty as anonymous", () => {
    expect(onlyRow(validateImport(file({ 联系电话: "138-0000 0000" }))).phone).toBe("13800000000");
    const anonymous = onlyRow(validateImport(file({ 联系电话: "", 是否解决: "", 满意度: "未评价" })));
    expect(anonymous).toMatchObject({ phone: null, satisfaction: "NONE", resolved: null });
  });

  it("refuses landlines and malformed numbers", () => {
    const errors = errorsOf(validateImport(file({ 联系电话: "0635-8888888" }, { 联系电话: "12800000000" })));
    expect(errors.map((e) => [e.line, e.column])).toEqual([[2, "联系电话"], [3, "联系电话"]]);
    expect(errors[0]?.reason).toBe("联系电话“0635-8888888”不是 11 位大陆手机号（例如 13800000000）；没有手机号的匿名诉求请留空");
  });

  it("refuses an evaluation on an anonymous ticket (DOMAIN.md §3)", () => {
    const errors = errorsOf(validateImport(file({ 联系电话: "" })));
    expect(errors).toEqual([{ line: 2, column: "联系电话", reason: expect.stringContaining("匿名工单") }]);
  });
});

describe("validateImport: times", () => {
  it("parses local Shanghai time with or without seconds; empty stages are not reached", () => {
    const row = onlyRow(validateImport(file({ 受理时间: "2025-03-02 08:00:30", 签收时间: "2025-03-02 08:00:30", 首次联系时间: "", 答复时间: "", 办结时间: "", 是否解决: "", 满意度: "" })));
    expect(row.receivedAt).toEqual(new Date("2025-03-02T00:00:30Z"));
    expect(row.signedAt).toEqual(row.receivedAt);
    expect(row).toMatchObject({ firstContactAt: null, repliedAt: null, closedAt: null, resolved: null, satisfaction: null });
  });

  it("checks each present stage against the previous present one", () => {
    const errors = errorsOf(validateImport(file({ 签收时间: "", 首次联系时间: "", 答复时间: "2025-03-02 07:59" })));
    expect(errors).toEqual([
      { line: 2, column: "答复时间", reason: expect.stringContaining("答复时间（2025-03-02 07:59）早于受理时间（2025-03-02 08:00）") },
    ]);
  });

  it("reports one error per inverted pair, not every stage after a typo", () => {
    const errors = errorsOf(validateImport(file({ 签收时间: "2025-03-09 08:30" })));
    expect(errors.map((e) => e.column)).toEqual(["首次联系时间"]);
  });

  it("refuses impossible and malformed times", () => {
    const errors = errorsOf(validateImport(file({ 受理时间: "2025-02-29 08:00" }, { 签收时间: "2025-03-02 24:00" }, { 答复时间: "2025-03-03" })));
    expect(errors.map((e) => [e.line, e.column])).toEqual([[2, "受理时间"], [3, "签收时间"], [4, "答复时间"]]);
    expect(errors[0]?.reason).toContain("应为 YYYY-MM-DD HH:mm 或 YYYY-MM-DD HH:mm:ss");
  });
});

describe("validateImport: evaluation", () => {
  it("allows 是否解决 and 满意度 only on closed tickets", () => {
    const errors = errorsOf(validateImport(file({ 办结时间: "" })));
    expect(errors.map((e) => e.column)).toEqual(["是否解决", "满意度"]);
    expect(errors[0]?.reason).toContain("只有已办结");
    expect(errorsOf(validateImport(file({ 办结时间: "", 是否解决: "", 满意度: "未评价" }))).map((e) => e.column)).toEqual(["满意度"]);
  });

  it("requires both answers of an answered evaluation; 未评价 has neither", () => {
    expect(errorsOf(validateImport(file({ 是否解决: "" })))).toEqual([{ line: 2, column: "是否解决", reason: expect.stringContaining("请同时填写是否解决") }]);
    expect(errorsOf(validateImport(file({ 满意度: "" })))).toEqual([{ line: 2, column: "满意度", reason: expect.stringContaining("满意度应为") }]);
    expect(errorsOf(validateImport(file({ 满意度: "未评价" })))).toEqual([{ line: 2, column: "满意度", reason: expect.stringContaining("满意度应为") }]);
    expect(onlyRow(validateImport(file({ 是否解决: "", 满意度: "" })))).toMatchObject({ resolved: null, satisfaction: null });
  });
});

describe("validateImport: the file", () => {
  it("refuses a file with a header and no rows", () => {
    expect(errorsOf(validateImport({ header: [...IMPORT_COLUMNS], rows: [] }))).toEqual([
      { line: 1, column: "(整行)", reason: expect.stringContaining("没有工单数据") },
    ]);
  });

  it("turns the reader's row problems into errors", () => {
    const input = file({});
    input.rows[0]!.problems = ["本行比表头多出 1 个单元格"];
    expect(errorsOf(validateImport(input))).toEqual([{ line: 2, column: "(整行)", reason: "本行比表头多出 1 个单元格" }]);
  });

  it("reports an empty header cell in the middle", () => {
    const input = file({});
    input.header.splice(3, 0, "");
    expect(errorsOf(validateImport(input))).toEqual([{ line: 1, column: "第 4 列", reason: "列名为空，请填写列名或删除该列" }]);
  });
});
