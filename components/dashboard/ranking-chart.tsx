"use client";
// 红黑榜: units by 满意率, best at the top; the three best green (红榜), the three worst red (黑榜).
import { CHART_COLORS, EChart, NO_VALUE, percentText, type ChartOption } from "./echart";

export type RankingChartProps = {
  rows: { name: string; value: number | null; list: "red" | "black" | null }[];
  hrefs: (string | null)[];
  height?: number;
};

const LIST_COLORS = { red: CHART_COLORS.green, black: CHART_COLORS.red } as const;

export function rankingOption(rows: RankingChartProps["rows"]): ChartOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: percentText },
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", inverse: true, data: rows.map((r) => r.name) },
    series: [
      {
        type: "bar",
        name: "满意率",
        barMaxWidth: 22,
        data: rows.map((r) => ({
          value: r.value ?? NO_VALUE,
          itemStyle: { color: r.list ? LIST_COLORS[r.list] : CHART_COLORS.slate },
        })),
        label: { show: true, position: "right", formatter: (p: { value: unknown }) => percentText(p.value) },
      },
    ],
  };
}

export function RankingChart({ rows, hrefs, height = 320 }: RankingChartProps) {
  const option = rankingOption(rows);
  const empty = rows.every((r) => r.value === null);
  return <EChart label="各单位满意率排名（红黑榜）" option={option} hrefs={hrefs} empty={empty} height={height} />;
}
