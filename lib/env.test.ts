import { afterEach, describe, expect, it, vi } from "vitest";

/** env() as a fresh process with `vars` would read it (the module caches its answer). */
async function freshEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return (await import("@/lib/env")).env;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("SMS_SIGNATURE", () => {
  it("is the registered signature, without its brackets", async () => {
    expect((await freshEnv({ SMS_SIGNATURE: undefined }))().SMS_SIGNATURE).toBe("示例市公安交管");
    expect((await freshEnv({ SMS_SIGNATURE: "聊城交警" }))().SMS_SIGNATURE).toBe("聊城交警");
    for (const bad of ["【聊城交警】", "交", "聊城 交警"]) expect(await freshEnv({ SMS_SIGNATURE: bad }).then((env) => () => env())).toThrow(/SMS_SIGNATURE/);
  });
});

describe("PUBLIC_URL", () => {
  it("is the site's address for links, without a trailing slash; defaults to NEXTAUTH_URL, then localhost", async () => {
    expect((await freshEnv({ PUBLIC_URL: "https://jsjb.example.gov.cn/" }))().publicUrl).toBe("https://jsjb.example.gov.cn");
    expect((await freshEnv({ PUBLIC_URL: undefined, NEXTAUTH_URL: "https://a.example.cn" }))().publicUrl).toBe("https://a.example.cn");
    expect((await freshEnv({ PUBLIC_URL: undefined, NEXTAUTH_URL: undefined, PORT: "3100" }))().publicUrl).toBe("http://localhost:3100");
  });

  it("refuses to start with anything but a site's http(s) root, saying what to write", async () => {
    for (const bad of ["jsjb.example.gov.cn", "ftp://jsjb.example.gov.cn", "https://jsjb.example.gov.cn/app", "https://jsjb.example.gov.cn/?a=1"]) {
      const env = await freshEnv({ PUBLIC_URL: bad });
      expect(() => env()).toThrow(/PUBLIC_URL/);
    }
  });
});
