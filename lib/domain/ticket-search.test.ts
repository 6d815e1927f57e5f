import { describe, expect, it } from "vitest";
import { isExactLookup } from "./ticket-search";

describe("isExactLookup", () => {
  it("takes ticket numbers and phones as exact look-ups, anything else as words", () => {
    for (const q of ["20261201000001", "13912345678", "6612345"]) expect(isExactLookup(q), q).toBe(true);
    for (const q of ["柳园路口", "123456", "鲁P12345", "139 1234 5678", "123456789012345678901"]) expect(isExactLookup(q), q).toBe(false);
  });
});
