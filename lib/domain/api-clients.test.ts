import { describe, expect, it } from "vitest";
import { API_CLIENT_CHANNELS, formatScopes, isApiClientChannel, parseScopes } from "./api-clients";

describe("API client scopes", () => {
  it("are stored once each, in a fixed order", () => {
    expect(formatScopes(["tickets:read:unit", "tickets:submit", "tickets:submit"])).toBe("tickets:submit,tickets:read:unit");
    expect(formatScopes([])).toBe("");
  });

  it("read back what was stored, and grant nothing for a name they do not know", () => {
    expect(parseScopes("tickets:submit,tickets:read:own")).toEqual(["tickets:submit", "tickets:read:own"]);
    expect(parseScopes(" tickets:read:unit , admin:manage,tickets:submitx")).toEqual(["tickets:read:unit"]);
    expect(parseScopes("")).toEqual([]);
  });
});

describe("API client channels", () => {
  it("exclude the citizens' web form and the batch import", () => {
    expect(API_CLIENT_CHANNELS).toContain("HOTLINE_12345");
    expect(isApiClientChannel("WECHAT")).toBe(true);
    expect(isApiClientChannel("WEB")).toBe(false);
    expect(isApiClientChannel("IMPORT")).toBe(false);
    expect(isApiClientChannel("api")).toBe(false);
  });
});
