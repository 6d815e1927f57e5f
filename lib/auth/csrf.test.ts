import { describe, expect, it } from "vitest";
import { assertSessionWriteAllowed, CROSS_SITE_MESSAGE, JSON_ONLY_MESSAGE } from "./csrf";

function request(method: string, headers: Record<string, string>) {
  return new Request("http://jsjb.local/api/v1/tickets/1/actions", { method, headers: { host: "jsjb.local", ...headers } });
}

function refusal(req: Request, publicUrl?: string) {
  try {
    assertSessionWriteAllowed(req, publicUrl);
    return null;
  } catch (error) {
    return error as { status: number; message: string };
  }
}

describe("session-cookie write guard", () => {
  it("lets reads through whatever their origin", () => {
    expect(refusal(request("GET", { origin: "https://evil.example" }))).toBeNull();
    expect(refusal(request("HEAD", {}))).toBeNull();
  });

  it("accepts a same-origin JSON write by Origin or by Fetch Metadata", () => {
    expect(refusal(request("POST", { origin: "http://jsjb.local", "content-type": "application/json" }))).toBeNull();
    expect(refusal(request("PATCH", { "sec-fetch-site": "same-origin", "content-type": "application/json; charset=utf-8" }))).toBeNull();
    // Behind a proxy the browser's host arrives as X-Forwarded-Host, or is the configured address.
    expect(
      refusal(request("POST", { host: "127.0.0.1:3000", "x-forwarded-host": "122.example.gov.cn", origin: "https://122.example.gov.cn", "content-type": "application/json" })),
    ).toBeNull();
    expect(
      refusal(request("POST", { host: "127.0.0.1:3000", origin: "https://122.example.gov.cn", "content-type": "application/json" }), "https://122.example.gov.cn"),
    ).toBeNull();
  });

  it("refuses another origin, a null origin, or no origin at all with 403", () => {
    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example", "content-type": "application/json" },
      { origin: "http://jsjb.local.evil.example", "content-type": "application/json" },
      { origin: "null", "content-type": "application/json" },
      { "sec-fetch-site": "cross-site", "content-type": "application/json" },
      { "sec-fetch-site": "same-site", "content-type": "application/json" },
      { "content-type": "application/json" },
    ];
    for (const headers of attempts) {
      expect(refusal(request("POST", headers)), JSON.stringify(headers)).toMatchObject({ status: 403, message: CROSS_SITE_MESSAGE });
    }
  });

  it("refuses bodies a cross-site form could send with 415, even from our own origin", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"]) {
      expect(refusal(request("POST", { origin: "http://jsjb.local", "content-type": type })), type).toMatchObject({ status: 415, message: JSON_ONLY_MESSAGE });
    }
    expect(refusal(request("DELETE", { origin: "http://jsjb.local" }))).toMatchObject({ status: 415 });
  });
});
