import { describe, expect, it } from "vitest";
import { decideSignIn, LOCK_MINUTES, MAX_FAILED_SIGN_INS, type LockState } from "./lockout";

const t0 = new Date("2026-03-02T02:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function attempt(state: LockState, ok: boolean, now = t0) {
  return decideSignIn(state, ok, now);
}

describe("sign-in lockout", () => {
  it("locks on the fifth consecutive failure and refuses the sixth even with the right password", () => {
    let state: LockState = { failedLogins: 0, lockedUntil: null };
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      const r = attempt(state, false);
      expect(r.outcome).toBe("WRONG_PASSWORD");
      expect(r.next).toEqual({ failedLogins: i, lockedUntil: null });
      state = r.next;
    }
    const fifth = attempt(state, false);
    expect(fifth.outcome).toBe("WRONG_PASSWORD");
    expect(fifth.next.lockedUntil).toEqual(at(LOCK_MINUTES));
    expect(attempt(fifth.next, true, at(1)).outcome).toBe("LOCKED");
    expect(attempt(fifth.next, true, at(LOCK_MINUTES - 0.01)).outcome).toBe("LOCKED");
  });

  it("unlocks after 15 minutes and starts counting again", () => {
    const locked: LockState = { failedLogins: 0, lockedUntil: at(LOCK_MINUTES) };
    expect(attempt(locked, true, at(LOCK_MINUTES)).outcome).toBe("OK");
    const wrong = attempt(locked, false, at(LOCK_MINUTES + 1));
    expect(wrong.next).toEqual({ failedLogins: 1, lockedUntil: null });
  });

  it("a success resets the count", () => {
    const r = attempt({ failedLogins: 4, lockedUntil: null }, true);
    expect(r).toEqual({ outcome: "OK", next: { failedLogins: 0, lockedUntil: null } });
  });
});
