import { describe, expect, it } from "vitest";
import { describeDistrictGuess, districtFromText } from "./gazetteer";
import { longestNameIn } from "./routing";

const districts = ["东城区", "西城区", "北城区"];
const places = [
  { name: "花园北路", district: "东城区" },
  { name: "北环路与花园北路交叉口", district: "北城区" },
  { name: "建设路", district: "西城区" },
  { name: "建设北路", district: "北城区" },
];

describe("the gazetteer", () => {
  it("prefers the longest name, so a crossing or a longer road is not mistaken for a shorter one", () => {
    expect(districtFromText({ place: "北环路与花园北路交叉口" }, districts, places)).toMatchObject({ name: "北城区", source: "gazetteer" });
    expect(districtFromText({ place: "建设北路 12 号" }, districts, places)).toMatchObject({ name: "北城区", place: "建设北路" });
    expect(longestNameIn("建设路与建设北路", ["建设路", "建设北路"])).toBe("建设北路");
  });

  it("trusts the place field before the text, and a named district before a road", () => {
    expect(districtFromText({ place: "建设路", content: "我从花园北路过来" }, districts, places)).toMatchObject({ name: "西城区" });
    expect(districtFromText({ content: "东城区建设路口" }, districts, places)).toEqual({ name: "东城区", source: "text" });
    expect(districtFromText({ content: "小区门口" }, districts, places)).toBeNull();
  });

  it("says where the district came from", () => {
    expect(describeDistrictGuess({ name: "东城区", source: "gazetteer", place: "花园北路" })).toBe("地点「花园北路」属东城区（地名库）");
  });
});
