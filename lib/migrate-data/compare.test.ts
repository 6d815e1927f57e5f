import { describe, expect, it } from "vitest";
import { emptyCounters, ratesOf, type Counters } from "@/lib/domain/metrics";
import { compareFigures, figureDifferences, type FigureRow } from "./compare";
import { displayWidth, formatVerification } from "./report";

const metrics = (counters: Partial<Counters>) => ratesOf({ ...emptyCounters(), ...counters }, { satisfactionBasicWeight: 1 });
// ZQ1 2022 of the demo history: 1476 received, 满意率 93.03 % (1335 of 1435 answered).
const zq1 = metrics({ received: 1476, closed: 1476, evaluated: 1435, satisfied: 1300, basic: 35, resolved: 1435 });

const row = (overrides: Partial<FigureRow> = {}): FigureRow => ({
  unitId: "u1",
  unit: "ZQ1",
  year: "2022",
  source: { aggregates: zq1, recount: zq1 },
  target: { aggregates: zq1, recount: zq1 },
  ...overrides,
});

describe("figureDifferences", () => {
  it("names each differing figure with both values, and nothing for equal figures", () => {
    expect(figureDifferences(zq1, zq1)).toEqual([]);
    const fewer = metrics({ received: 1476, closed: 1476, evaluated: 1435, satisfied: 1299, basic: 35, resolved: 1435 });
    expect(figureDifferences(zq1, fewer)).toEqual(["满意率 93.03%（1335/1435）≠92.96%（1334/1435）"]);
  });

  it("treats a reading without the group as no tickets", () => {
    expect(figureDifferences(zq1, undefined)[0]).toBe("受理量 1476≠0");
    expect(figureDifferences(undefined, undefined)).toEqual([]);
  });
});

describe("compareFigures", () => {
  it("passes when every count and every reading agrees", () => {
    expect(compareFigures([{ table: "Ticket", source: 5, target: 5 }], [row()]).problems).toEqual([]);
  });

  it("reports a row count that differs", () => {
    expect(compareFigures([{ table: "TicketEvent", source: 9, target: 8 }], []).problems).toEqual(["表 TicketEvent 行数不一致：源库 9，目标库 8"]);
  });

  it("tells which reading differs: the target's counter table, its recount, or the source's own counters", () => {
    const changed = metrics({ received: 1475 });
    const problems = (overrides: Partial<FigureRow>) => compareFigures([], [row(overrides)]).problems;
    expect(problems({ target: { aggregates: changed, recount: zq1 } })).toEqual([expect.stringMatching(/^ZQ1 2022 年：目标库统计汇总表与源库不一致：受理量 1476≠1475/)]);
    expect(problems({ target: { aggregates: zq1, recount: changed } })).toEqual([expect.stringMatching(/^ZQ1 2022 年：目标库按工单重算与源库不一致/)]);
    expect(problems({ source: { aggregates: zq1, recount: changed }, target: { aggregates: zq1, recount: changed } })[0]).toMatch(
      /^ZQ1 2022 年：源库统计汇总表与源库按工单重算不一致（请先在原站点运行 npm run cli -- metrics-rebuild 再迁移）/,
    );
  });

  it("lists units by code, tickets without a unit (待派单) last, then by year", () => {
    const rows = [row({ unit: "", unitId: "" }), row({ unit: "ZQ1", year: "2023" }), row({ unit: "CGS" }), row({ unit: "ZQ1", year: "2022" })];
    expect(compareFigures([], rows).figures.map((r) => `${r.unit}/${r.year}`)).toEqual(["CGS/2022", "ZQ1/2022", "ZQ1/2023", "/2022"]);
  });
});

describe("formatVerification", () => {
  it("prints rows per table and both sides' figures per unit and year, then the verdict", () => {
    const text = formatVerification(compareFigures([{ table: "Ticket", source: 1476, target: 1476 }], [row()]), 3);
    expect(text).toMatch(/Ticket\s+1476\s+1476\s+一致/);
    expect(text).toMatch(/ZQ1\s+2022\s+源库\s+1476\s+100\.00%.*93\.03%/);
    expect(text).toMatch(/目标库\s+1476\s+100\.00%.*93\.03%.*一致/);
    expect(text).toContain("照片：已复制 3 张照片（图片内容存于数据库");
    expect(text).toContain("核对通过");
  });

  it("lists the problems of a failed check and leaves out the photo note", () => {
    const text = formatVerification(compareFigures([{ table: "Ticket", source: 2, target: 1 }], []));
    expect(text).toContain("核对未通过（1 处）");
    expect(text).toContain("  - 表 Ticket 行数不一致：源库 2，目标库 1");
    expect(text).not.toContain("照片");
  });

  it("aligns Chinese text by its width on a terminal", () => {
    expect(displayWidth("ZQ1")).toBe(3);
    expect(displayWidth("目标库")).toBe(6);
  });
});
