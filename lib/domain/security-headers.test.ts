import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, servedOverHttps, STATIC_SECURITY_HEADERS } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("content security policy", () => {
  it("allows scripts only by this response's nonce and forbids framing, plugins, base and foreign forms", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==", development: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("lets React's development build use eval, and only it", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("sends the fixed headers everywhere", () => {
    expect(STATIC_SECURITY_HEADERS).toEqual({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });
});

describe("HSTS only over https", () => {
  it("by the public address, the request's scheme or the proxy's report", () => {
    expect(servedOverHttps("https://122.example.gov.cn", "http:", null)).toBe(true);
    expect(servedOverHttps(undefined, "https:", null)).toBe(true);
    expect(servedOverHttps("http://localhost:3000", "http:", "https")).toBe(true);
    expect(servedOverHttps("http://localhost:3000", "http:", null)).toBe(false);
    expect(servedOverHttps(undefined, "http:", "http")).toBe(false);
  });
});
