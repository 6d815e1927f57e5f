import { describe, expect, it } from "vitest";
import { addressOf, open311Status, serviceNotice, toCreatedRequest, toServiceRequest, type ServiceRequestRow } from "./requests";
import { keywordsOf, toService, toServiceDefinition } from "./services";

const row: ServiceRequestRow = {
  no: "20260115000123",
  status: "IN_PROGRESS",
  categoryCode: "TRAFFIC_ORG",
  category: { name: "交通组织" },
  content: "路口信号灯配时不合理，早高峰左转车辆排队过长。",
  district: "东城区",
  place: "光岳路与东昌路路口",
  lat: 39.91,
  lng: 116.4,
  receivedAt: new Date("2026-01-15T00:30:00Z"),
  updatedAt: new Date("2026-01-15T02:00:00Z"),
  dueAt: new Date("2026-01-26T10:00:00Z"),
  ownerUnit: { name: "执勤一大队" },
  mergedInto: null,
};

describe("toServiceRequest", () => {
  it("shows a ticket as a GeoReport v2 service request without any contact details", () => {
    const request = toServiceRequest(row, "staff");
    expect(request).toEqual({
      service_request_id: "20260115000123",
      status: "open",
      status_notes: "办理中",
      service_name: "交通组织",
      service_code: "TRAFFIC_ORG",
      description: row.content,
      agency_responsible: "执勤一大队",
      service_notice: "已受理并分派至执勤一大队，办结时限 2026-01-26 18:00",
      requested_datetime: "2026-01-15T08:30:00+08:00",
      updated_datetime: "2026-01-15T10:00:00+08:00",
      expected_datetime: "2026-01-26T18:00:00+08:00",
      address: "东城区光岳路与东昌路路口",
      lat: 39.91,
      long: 116.4,
      media_url: null,
    });
  });

  it("masks personal data in the citizen's words in the public view only", () => {
    const spoken = { ...row, content: "鲁P12345天天停在门口，我的电话13912345678", place: "光岳路8号 0635-8888123" };
    expect(toServiceRequest(spoken, "public")).toMatchObject({
      description: "鲁P***45天天停在门口，我的电话139****5678",
      address: "东城区光岳路8号 0635-*****23",
    });
    expect(toServiceRequest(spoken, "staff")).toMatchObject({ description: spoken.content });
  });

  it("calls closed, merged and invalid tickets closed", () => {
    expect(["PENDING", "DISPATCHED", "IN_PROGRESS", "REPLIED"].map(open311Status)).toEqual(["open", "open", "open", "open"]);
    expect(["CLOSED", "MERGED", "INVALID"].map(open311Status)).toEqual(["closed", "closed", "closed"]);
  });

  it("tells the citizen what happens next", () => {
    expect(serviceNotice({ ...row, status: "PENDING", ownerUnit: null })).toBe("已受理，待指挥中心派单");
    expect(serviceNotice({ ...row, status: "CLOSED" })).toBe("已由执勤一大队办结");
    expect(serviceNotice({ ...row, status: "MERGED", mergedInto: { no: "20260114000001" } })).toContain("20260114000001");
    expect(toCreatedRequest(row)).toEqual({
      service_request_id: row.no,
      service_notice: "已受理并分派至执勤一大队，办结时限 2026-01-26 18:00",
      account_id: null,
    });
  });

  it("writes the district once in the address", () => {
    expect(addressOf("西城区", "西城区复兴路12号")).toBe("西城区复兴路12号");
    expect(addressOf("西城区", "复兴路12号")).toBe("西城区复兴路12号");
    expect(addressOf(null, "复兴路12号")).toBe("复兴路12号");
    expect(addressOf("西城区", null)).toBe("西城区");
    expect(addressOf(null, null)).toBeNull();
  });
});

describe("services", () => {
  const category = { code: "ACCIDENT", name: "事故处理", description: "交通事故处理（正在发生的事故请拨打 122）", example: "认定书迟迟未出具" };

  it("lists a category as a realtime service with metadata", () => {
    expect(toService(category)).toMatchObject({
      service_code: "ACCIDENT",
      service_name: "事故处理",
      metadata: true,
      type: "realtime",
      keywords: "交通事故处理",
      group: "交通管理",
    });
    expect(keywordsOf("信号灯、标志标线、车道设置")).toBe("信号灯,标志标线,车道设置");
  });

  it("defines the district, type and name attributes", () => {
    const definition = toServiceDefinition("TRAFFIC_ORG", ["东城区", "西城区"]);
    expect(definition.attributes.map((a) => [a.code, a.datatype, a.required])).toEqual([
      ["district", "singlevaluelist", false],
      ["type", "singlevaluelist", false],
      ["name", "string", false],
    ]);
    expect(definition.attributes[0]!.values).toEqual([
      { key: "东城区", name: "东城区" },
      { key: "西城区", name: "西城区" },
    ]);
    expect(definition.attributes[0]!.description).toContain("address_string");
    expect(definition.attributes[1]!.values?.[0]).toEqual({ key: "COMPLAINT", name: "投诉" });
    expect(definition.attributes[1]!.description).toContain("COMPLAINT");
  });
});
