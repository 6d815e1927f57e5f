"use client";
// A share of a whole (来源渠道): slices by count, with count and share in the tooltip.
import { EChart, type ChartOption } from "./echart";

export type PieChartProps = {
  label: string;
  slices: { name: string; value: number }[];
  hrefs: (string | null)[];
  height?: number;
};

export function pieOption(label: string, slices: PieChartProps["slices"]): ChartOption {
  return {
    tooltip: { trigger: "item", formatter: "{b}：{c} 件（{d}%）" },
    legend: { bottom: 0, type: "scroll" },
    series: [
      {
        type: "pie",
        name: label,
        radius: ["35%", "65%"],
        center: ["50%", "45%"],
        data: slices,
        label: { formatter: "{b}\n{d}%" },
      },
    ],
  };
}

export function PieChart({ label, slices, hrefs, height }: PieChartProps) {
  const option = pieOption(label, slices);
  const empty = slices.every((s) => s.value === 0);
  return <EChart label={label} option={option} hrefs={hrefs} empty={empty} height={height} />;
}
