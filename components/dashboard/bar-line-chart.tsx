"use client";
// Counts as bars on the left axis, rates as lines on the right (0–100%): the monthly trend and
// the categories. A rate with nothing to divide by is a gap in its line, never a 0.
import type { LineSeriesOption } from "echarts/charts";
import { CHART_COLORS, EChart, NO_VALUE, percentText, type ChartOption } from "./echart";

export type BarLineChartProps = {
  label: string;
  categories: string[];
  bar: { name: string; values: number[] };
  lines: { name: string; values: (number | null)[] }[];
  hrefs: (string | null)[];
  height?: number;
};

const LINE_COLORS = [CHART_COLORS.green, CHART_COLORS.amber, CHART_COLORS.violet];

/** Rates near 90% would be flat lines on a 0–100 axis: start it at the tens below the lowest. */
function rateAxisMin({ min }: { min: number }): number {
  return Number.isFinite(min) ? Math.max(0, Math.floor((min - 5) / 10) * 10) : 0;
}

export function barLineOption({ categories, bar, lines }: Pick<BarLineChartProps, "categories" | "bar" | "lines">): ChartOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: categories, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: [
      { type: "value", name: "件", minInterval: 1 },
      { type: "value", name: "%", min: rateAxisMin, max: 100, splitLine: { show: false } },
    ],
    series: [
      { type: "bar", name: bar.name, data: bar.values, itemStyle: { color: CHART_COLORS.brand }, barMaxWidth: 36 },
      ...lines.map(
        (line, i): LineSeriesOption => ({
          type: "line",
          name: line.name,
          yAxisIndex: 1,
          data: line.values.map((v) => v ?? NO_VALUE),
          itemStyle: { color: LINE_COLORS[i % LINE_COLORS.length] },
          tooltip: { valueFormatter: percentText },
        }),
      ),
    ],
  };
}

export function BarLineChart({ label, categories, bar, lines, hrefs, height }: BarLineChartProps) {
  const option = barLineOption({ categories, bar, lines });
  const empty = bar.values.every((v) => v === 0) && lines.every((line) => line.values.every((v) => v === null));
  return <EChart label={label} option={option} hrefs={hrefs} empty={empty} height={height} />;
}
