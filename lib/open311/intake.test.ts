import { describe, expect, it } from "vitest";
import { DISTRICTS } from "../../prisma/seed/organisation";
import { parseOrThrow } from "@/lib/validation/errors";
import { ticketInputSchema } from "@/lib/validation/ticket-input";
import { Invalid } from "@/lib/errors";
import { coordinate, fullName, titleFrom, toOpen311FieldErrors, toTicketInput, type IntakeContext } from "./intake";

const context: IntakeContext = {
  districts: DISTRICTS,
  services: [
    { code: "TRAFFIC_ORG", name: "交通组织" },
    { code: "ENFORCEMENT", name: "执勤执法" },
  ],
};

const form = {
  api_key: "jsjb_x",
  service_code: "TRAFFIC_ORG",
  description: "光岳路与东昌路路口早高峰左转信号太短，排队很长，希望调整配时。",
  address_string: "光岳路与东昌路路口",
  "attribute[district]": "东城区",
  lat: "39.91",
  long: "116.40",
  first_name: "王",
  last_name: "先生",
  phone: "13912345678",
  email: "wang@example.com",
  media_url: "https://example.com/a.jpg",
};

function without(fields: Record<string, string>, ...names: string[]) {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !names.includes(name)));
}

function schemaErrors(raw: Record<string, unknown>) {
  try {
    parseOrThrow(ticketInputSchema, raw);
  } catch (error) {
    if (error instanceof Invalid) return error.errors;
    throw error;
  }
  return [];
}

describe("toTicketInput", () => {
  it("maps the GeoReport v2 fields onto the ticket input the shared schema accepts", () => {
    const input = toTicketInput(form, context);
    expect(input).toEqual({
      type: "COMPLAINT",
      category: "TRAFFIC_ORG",
      title: "光岳路与东昌路路口早高峰左转信号太短，排…",
      content: form.description,
      district: "东城区",
      place: "光岳路与东昌路路口",
      lat: 39.91,
      lng: 116.4,
      name: "王先生",
      phone: "13912345678",
      email: "wang@example.com",
      anonymous: false,
    });
    expect(schemaErrors(input)).toEqual([]);
  });

  it("finds the district in address_string when attribute[district] is absent", () => {
    const rest = without(form, "attribute[district]");
    expect(toTicketInput({ ...rest, address_string: "西城区复兴路12号" }, context).district).toBe("西城区");
    expect(toTicketInput({ ...rest, address_string: "复兴路12号" }, context).district).toBeUndefined();
  });

  it("reads attribute[type] as a code or its Chinese name and defaults to COMPLAINT", () => {
    expect(toTicketInput({ ...form, "attribute[type]": "HELP" }, context).type).toBe("HELP");
    expect(toTicketInput({ ...form, "attribute[type]": "建议" }, context).type).toBe("SUGGESTION");
    expect(toTicketInput({ ...form, "attribute[type]": " " }, context).type).toBe("COMPLAINT");
  });

  it("leaves out a service_code that is not an active service", () => {
    expect(toTicketInput({ ...form, service_code: "ACCIDENT" }, context).category).toBeUndefined();
    expect(toTicketInput({ ...form, service_code: "NOPE" }, context).category).toBeUndefined();
  });

  it("treats a report with neither phone, e-mail nor name as anonymous", () => {
    const rest = without(form, "phone", "email", "first_name", "last_name");
    const input = toTicketInput(rest, context);
    expect(input).toMatchObject({ anonymous: true, phone: undefined, email: undefined, name: undefined });
    expect(schemaErrors(input)).toEqual([]);
    expect(toTicketInput({ ...rest, "attribute[name]": "李四" }, context)).toMatchObject({ anonymous: false, name: "李四" });
  });

  it("takes a named report with an e-mail and no phone as contactable, as FixMyStreet sends it", () => {
    const input = toTicketInput(without(form, "phone"), context);
    expect(input).toMatchObject({ anonymous: false, name: "王先生", email: "wang@example.com", phone: undefined });
    expect(schemaErrors(input)).toEqual([]);
    const bad = schemaErrors(toTicketInput({ ...without(form, "phone"), email: "wang@" }, context));
    expect(toOpen311FieldErrors(bad, form, context).map((e) => e.field)).toEqual(["email"]);
  });

  it("reads phones however they are written", () => {
    expect(parseOrThrow(ticketInputSchema, toTicketInput({ ...form, phone: "+86 139-1234-5678" }, context)).phone).toBe("13912345678");
  });
});

describe("helpers", () => {
  it("derives the title from the first 20 characters of the description", () => {
    expect(titleFrom("信号灯坏了")).toBe("信号灯坏了");
    expect(titleFrom("一二三四五六七八九十一二三四五六七八九十")).toBe("一二三四五六七八九十一二三四五六七八九十");
    expect(titleFrom("一二三四五六七八九十一二三四五六七八九十多")).toBe("一二三四五六七八九十一二三四五六七八九十…");
    expect(titleFrom("  路口\n\n拥堵  ")).toBe("路口 拥堵");
    expect(titleFrom(undefined)).toBeUndefined();
    // FixMyStreet's description starts with its report's title.
    expect(titleFrom("title:  光岳路口左转信号太短\n\ndetail: 每天排队很长。\n\nSubmitted via FixMyStreet")).toBe("光岳路口左转信号太短");
  });

  it("restores the name as typed from FixMyStreet's split at the first space", () => {
    expect(fullName("张", "三")).toBe("张三"); // "张 三"
    expect(fullName("王", "小明")).toBe("王小明"); // "王 小明"
    expect(fullName("Ming", "Wang")).toBe("Ming Wang");
    expect(fullName("张三", undefined)).toBe("张三"); // no space: all of it in first_name
    expect(fullName(undefined, "王")).toBe("王");
    expect(fullName(undefined, undefined)).toBeUndefined();
  });

  it("parses coordinates and passes anything else through for the schema to reject", () => {
    expect(coordinate("39.9")).toBe(39.9);
    expect(coordinate("-0.5")).toBe(-0.5);
    expect(coordinate("abc")).toBe("abc");
    expect(coordinate(undefined)).toBeUndefined();
  });
});

describe("toOpen311FieldErrors", () => {
  it("names the Open311 fields, one entry per field error, and explains service codes", () => {
    const fields = { ...form, service_code: "NOPE", phone: "12345", description: "太短", lat: "abc", address_string: "x".repeat(101) };
    const errors = toOpen311FieldErrors(schemaErrors(toTicketInput(fields, context)), fields, context);
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    expect(Object.keys(byField).sort()).toEqual(["address_string", "description", "lat", "phone", "service_code"]);
    expect(byField.service_code).toContain("「NOPE」");
    expect(byField.service_code).toContain("TRAFFIC_ORG（交通组织）");
    expect(byField.description).toContain("至少 10 个字");
    expect(errors).toHaveLength(5);
  });

  it("maps district and type errors to their attributes and drops a title error the description explains", () => {
    const errors = toOpen311FieldErrors(
      [
        { field: "content", message: "请填写诉求内容" },
        { field: "title", message: "请填写标题" },
        { field: "district", message: "辖区「火星区」不存在" },
        { field: "type", message: "请选择诉求类型" },
        { field: "lng", message: "经度应为数字" },
        { field: "_", message: "请求体不是有效的 JSON" },
      ],
      form,
      context,
    );
    expect(errors.map((e) => e.field)).toEqual(["description", "attribute[district]", "attribute[type]", "long", "_"]);
  });
});
