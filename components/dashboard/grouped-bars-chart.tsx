"use client";
// Rates side by side per group (时限执行: 响应率 and 按时办结率 per unit), 0–100%.
import type { BarSeriesOption } from "echarts/charts";
import { CHART_COLORS, EChart, NO_VALUE, percentText, type ChartOption } from "./echart";

export type GroupedBarsChartProps = {
  label: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  hrefs: (string | null)[];
  height?: number;
};

const COLORS = [CHART_COLORS.brand, CHART_COLORS.teal, CHART_COLORS.amber];

export function groupedBarsOption({ categories, series }: Pick<GroupedBarsChartProps, "categories" | "series">): ChartOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: percentText },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: categories, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    series: series.map(
      (s, i): BarSeriesOption => ({
        type: "bar",
        name: s.name,
        barMaxWidth: 28,
        data: s.values.map((v) => v ?? NO_VALUE),
        itemStyle: { color: COLORS[i % COLORS.length] },
      }),
    ),
  };
}

export function GroupedBarsChart({ label, categories, series, hrefs, height }: GroupedBarsChartProps) {
  const option = groupedBarsOption({ categories, series });
  const empty = series.every((s) => s.values.every((v) => v === null));
  return <EChart label={label} option={option} hrefs={hrefs} empty={empty} height={height} />;
}
