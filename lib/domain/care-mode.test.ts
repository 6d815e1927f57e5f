import { describe, expect, it } from "vitest";
import { careModeOn } from "./care-mode";

describe("careModeOn", () => {
  it("is on only for the value the toggle writes", () => {
    expect(careModeOn("on")).toBe(true);
    for (const value of [undefined, "", "off", "ON", "1", "true"]) expect(careModeOn(value)).toBe(false);
  });
});
