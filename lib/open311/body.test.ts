import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { flattenJsonBody, readOpen311Fields } from "./body";

describe("flattenJsonBody", () => {
  it("flattens the attribute object to form names and stringifies scalars", () => {
    expect(flattenJsonBody({ lat: 39.9, attribute: { district: "东城区" }, "attribute[type]": "HELP", media_url: ["a", "b"], x: null })).toEqual({
      lat: "39.9",
      "attribute[district]": "东城区",
      "attribute[type]": "HELP",
    });
  });

  it("refuses a body that is not an object", () => {
    expect(() => flattenJsonBody([1])).toThrow(Invalid);
    expect(() => flattenJsonBody("x")).toThrow(Invalid);
  });
});

describe("readOpen311Fields", () => {
  const post = (body: BodyInit, contentType?: string) =>
    new Request("http://localhost/", { method: "POST", body, headers: contentType ? { "content-type": contentType } : {} });

  it("reads form-encoded bodies, with or without a content type; the first repeated value wins", async () => {
    const body = "service_code=TRAFFIC_ORG&attribute%5Bdistrict%5D=%E4%B8%9C%E5%9F%8E%E5%8C%BA&media_url=a&media_url=b";
    const expected = { service_code: "TRAFFIC_ORG", "attribute[district]": "东城区", media_url: "a" };
    expect(await readOpen311Fields(post(body, "application/x-www-form-urlencoded"))).toEqual(expected);
    expect(await readOpen311Fields(post(body))).toMatchObject({ service_code: "TRAFFIC_ORG" });
  });

  it("reads multipart and JSON bodies", async () => {
    const form = new FormData();
    form.set("description", "路口拥堵");
    form.set("media", new Blob(["x"]), "a.jpg");
    expect(await readOpen311Fields(post(form))).toEqual({ description: "路口拥堵" });
    expect(await readOpen311Fields(post('{"attribute":{"type":"HELP"}}', "application/json"))).toEqual({ "attribute[type]": "HELP" });
    await expect(readOpen311Fields(post("{nope", "application/json"))).rejects.toThrow(Invalid);
  });
});
