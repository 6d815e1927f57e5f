import { describe, expect, it } from "vitest";
import { guessPlaceKind, normalisePlaceName, parsePlaceKind, parsePlaceLines } from "./gazetteer-paste";

const DISTRICTS = ["东城区", "西城区"];
const EXISTING = new Map([["东昌路", "东城区"]]);

describe("gazetteer paste", () => {
  it("reads comma, full-width comma and tab separated lines, with or without a kind", () => {
    const lines = parsePlaceLines("新华路,东城区\n光岳中学，西城区，地标\r\n\n  滨河大道\t西城区\t道路  \n人民医院,东城区,ROAD", DISTRICTS, EXISTING);
    expect(lines).toEqual([
      { line: 1, text: "新华路,东城区", ok: true, place: { name: "新华路", district: "东城区", kind: "ROAD" } },
      { line: 2, text: "光岳中学，西城区，地标", ok: true, place: { name: "光岳中学", district: "西城区", kind: "LANDMARK" } },
      { line: 4, text: "滨河大道\t西城区\t道路", ok: true, place: { name: "滨河大道", district: "西城区", kind: "ROAD" } },
      { line: 5, text: "人民医院,东城区,ROAD", ok: true, place: { name: "人民医院", district: "东城区", kind: "ROAD" } },
    ]);
  });

  it("marks each bad line with its reason, numbered as pasted", () => {
    const lines = parsePlaceLines(
      ["东昌路,东城区", "某某路,海淀区", ",东城区", "新路", "新路,东城区,桥梁", "甲路,东城区", "甲路,西城区", "乙路,东城区,道路,多余"].join("\n"),
      DISTRICTS,
      EXISTING,
    );
    expect(lines.map((l) => (l.ok ? "ok" : l.error))).toEqual([
      "「东昌路」已在地名库中（东城区）",
      "辖区「海淀区」不存在，可选：东城区、西城区",
      "缺少名称",
      "缺少辖区",
      "类型「桥梁」无效，应为 道路 或 地标",
      "ok",
      "「甲路」与第 6 行重复",
      "多余的列：每行只写 名称,辖区[,类型]",
    ]);
  });

  it("folds full-width letters and digits in names, so ＧＸ１路 and GX1路 are one name", () => {
    expect(normalisePlaceName(" ＧＸ１路 ")).toBe("GX1路");
    const lines = parsePlaceLines("ＧＸ１路,东城区\nGX1路,东城区", DISTRICTS, new Map());
    expect(lines[1]).toMatchObject({ ok: false, error: "「GX1路」与第 1 行重复" });
  });

  it("guesses roads by their ending and reads kinds as labels or codes", () => {
    expect(["东昌路", "古楼街", "滨河大道", "三环", "文化胡同", "站前桥"].map(guessPlaceKind)).toEqual(Array(6).fill("ROAD"));
    expect(["光岳中学", "万达广场", "幸福小区"].map(guessPlaceKind)).toEqual(Array(3).fill("LANDMARK"));
    expect([parsePlaceKind("道路"), parsePlaceKind(" landmark "), parsePlaceKind("桥")]).toEqual(["ROAD", "LANDMARK", null]);
  });

  it("ignores a blank paste", () => {
    expect(parsePlaceLines("\n  \n", DISTRICTS, EXISTING)).toEqual([]);
  });
});
