import { describe, expect, it } from "vitest";
import { recheckField } from "./complaint-recheck";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const SERVER_ERRORS = [
  { field: "title", message: "标题至少 2 个字" },
  { field: "content", message: "诉求内容至少 10 个字，请写清时间、地点和问题" },
  { field: "photos", message: "最多上传 3 张照片" },
];

describe("recheckField", () => {
  it("drops a field's stale message once it is fixed and keeps the others", () => {
    const next = recheckField(SERVER_ERRORS, "title", form({ type: "COMPLAINT", title: "信号灯配时", content: "短" }));
    expect(next.map((e) => e.field)).toEqual(["content", "photos"]);
  });

  it("replaces the message when the field is still wrong, in another way", () => {
    const next = recheckField(SERVER_ERRORS, "content", form({ title: "信号灯配时", content: "x".repeat(4001) }));
    expect(next.find((e) => e.field === "content")?.message).toBe("诉求内容不超过 4000 个字");
  });

  it("shows a new problem in the field being changed", () => {
    const next = recheckField([], "phone", form({ type: "COMPLAINT", category: "TRAFFIC_ORG", title: "信号灯配时", content: "光岳路口左转信号太短，排队很长。", phone: "1380000" }));
    expect(next).toEqual([{ field: "phone", message: "请填写 11 位大陆手机号，例如 13800000000" }]);
  });

  it("drops photo messages when the photos are chosen again", () => {
    expect(recheckField(SERVER_ERRORS, "photos", form({})).map((e) => e.field)).toEqual(["title", "content"]);
  });
});
