import { describe, expect, it } from "vitest";
import { homePathFor, safeCallbackPath } from "./home";

describe("homePathFor (where each role lands)", () => {
  it("sends managers to the dashboard, admins to administration, the floor to its queue", () => {
    expect(homePathFor("MANAGER")).toBe("/dashboard");
    expect(homePathFor("ADMIN")).toBe("/admin");
    expect(homePathFor("CITIZEN")).toBe("/my");
    for (const role of ["DISPATCHER", "HANDLER", "LEAD"] as const) expect(homePathFor(role)).toBe("/workbench");
  });
});

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackPath("/my")).toBe("/my");
    expect(safeCallbackPath("/my/20260302000001")).toBe("/my/20260302000001");
    expect(safeCallbackPath("/workbench?tab=unit#top")).toBe("/workbench?tab=unit#top");
    expect(safeCallbackPath("/tickets/%E5%B7%A5%E5%8D%95")).toBe("/tickets/%E5%B7%A5%E5%8D%95");
  });

  it("refuses empty and non-path values", () => {
    for (const value of [undefined, null, "", "my", "https://evil.example/x", "http:/evil.example", "javascript:alert(1)", "mailto:a@b.c"]) {
      expect(safeCallbackPath(value), String(value)).toBeNull();
    }
  });

  it("refuses every way of reaching another site", () => {
    const attacks = [
      "//evil.example/x",
      "/\\evil.example/x",
      "/\t/evil.example/x", // what Next hands over for callbackUrl=/%09/evil.example/x
      "/\n/evil.example/x", // /%0a/ made the redirect answer 500
      "/\r/evil.example/x",
      "/\u0000/evil.example",
      "/\u007f/evil.example",
      "/./\\evil.example",
      "/.//evil.example/x",
      "/%2F/evil.example/x",
      "/%5Cevil.example/x",
      "/%09/evil.example/x",
      "/%0a/evil.example/x",
      "/%0D%0A/evil.example/x",
      "/%E0%A4%A", // malformed escape
    ];
    for (const value of attacks) {
      expect(safeCallbackPath(value), JSON.stringify(value)).toBeNull();
    }
  });

  it("stays on our origin for a path that only looks like a scheme", () => {
    expect(safeCallbackPath("/https:evil.example")).toBe("/https:evil.example");
  });
});
