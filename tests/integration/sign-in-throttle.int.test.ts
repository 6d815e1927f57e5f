// Sign-in throttling (issue 9 item 11): per address and account with a growing delay, a looser
// cap per address, one answer whether or not the account exists, and no way for a stranger to
// lock a user out from another address.
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/dal/users";
import { FAILURES_PER_ADDRESS, FREE_FAILURES_PER_ACCOUNT, wrongCredentialsMessage } from "@/lib/domain/lockout";

const RIGHT = "demo123456";

/** The message of a refused sign-in, or "OK". */
async function attempt(username: string, password: string, address: string): Promise<string> {
  try {
    await authenticate(username, password, address);
    return "OK";
  } catch (error) {
    expect(error).toMatchObject({ status: 401 });
    return (error as Error).message;
  }
}

describe("sign-in throttle", () => {
  it("a stranger's guesses from another address never lock the dispatcher out", async () => {
    const stranger = "198.51.100.10";
    const answers: string[] = [];
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT + 5; i++) answers.push(await attempt("dispatcher", `guess-${i}-x1`, stranger));
    // Each refusal says how many tries are left before the wait.
    expect(answers.slice(0, FREE_FAILURES_PER_ACCOUNT)).toEqual(Array.from({ length: FREE_FAILURES_PER_ACCOUNT }, (_, i) => wrongCredentialsMessage(i + 1)));
    expect(answers[0]).toBe(`用户名或密码错误，还可尝试 ${FREE_FAILURES_PER_ACCOUNT - 1} 次，之后需等待 1 分钟才能再试`);
    expect(answers.slice(FREE_FAILURES_PER_ACCOUNT).every((a) => /^尝试次数过多，请 \d+ 分钟后再试$/.test(a))).toBe(true);
    // The stranger is slowed down even when guessing right...
    expect(await attempt("dispatcher", RIGHT, stranger)).toMatch(/尝试次数过多/);
    // ...while the dispatcher, at their own desk, signs in at once.
    expect(await attempt("dispatcher", RIGHT, "203.0.113.20")).toBe("OK");
  });

  it("answers an unknown account exactly as a wrong password, also once throttled", async () => {
    const seq = async (username: string, address: string) => {
      const out: string[] = [];
      for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT + 2; i++) out.push(await attempt(username, "wrong-pass1", address));
      return out;
    };
    expect(await seq("no.such.user", "198.51.100.21")).toEqual(await seq("zq1.handler", "198.51.100.22"));
  });

  it("caps one address across many accounts, without touching other addresses", async () => {
    const sprayer = "198.51.100.30";
    for (let i = 0; i < FAILURES_PER_ADDRESS; i++) {
      expect(await attempt(`spray.${i}`, "wrong-pass1", sprayer)).toMatch(/^用户名或密码错误，还可尝试/);
    }
    expect(await attempt("zq2.handler", RIGHT, sprayer)).toMatch(/尝试次数过多/);
    expect(await attempt("zq2.handler", RIGHT, "203.0.113.31")).toBe("OK");
  });

  it("a right password from the user's own address clears that address's count", async () => {
    const desk = "203.0.113.40";
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT - 1; i++) await attempt("sg.handler", "typo-pass1", desk);
    expect(await attempt("sg.handler", RIGHT, desk)).toBe("OK");
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT - 1; i++) await attempt("sg.handler", "typo-pass1", desk);
    expect(await attempt("sg.handler", RIGHT, desk)).toBe("OK");
  });
});
