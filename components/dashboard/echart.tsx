"use client";
// The one ECharts mount of the dashboard: registers only the charts and components it draws
// (ECharts' modular build), gives every chart a fixed height so the page does not jump on first
// paint, and turns a click on a bar, point or slice into the drill-down listing its tickets.
import ReactEChartsCore from "echarts-for-react/lib/core";
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useRouter } from "next/navigation";
import { useMemo } from "react";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export const CHART_COLORS = {
  brand: "#1d4ed8",
  green: "#16a34a",
  red: "#dc2626",
  amber: "#d97706",
  teal: "#0d9488",
  violet: "#7c3aed",
  slate: "#94a3b8",
};

/** ECharts' mark for "no value": a gap in a line, no bar. */
export const NO_VALUE = "-";

export type ChartProps = {
  /** What the chart shows, for screen readers (the tables beside it carry the figures). */
  label: string;
  height?: number;
  option: ChartOption;
  /** The drill-down of each data item, by its index; null where there is nothing to list. */
  hrefs: readonly (string | null)[];
  /** Nothing to draw: show an empty state instead of blank axes. */
  empty: boolean;
};

export function EChart({ label, height = 320, option, hrefs, empty }: ChartProps) {
  const router = useRouter();
  const onEvents = useMemo(
    () => ({
      click: (params: { dataIndex?: number }) => {
        const href = params.dataIndex === undefined ? null : hrefs[params.dataIndex];
        if (href) router.push(href);
      },
    }),
    [hrefs, router],
  );
  if (empty) {
    return (
      <div
        style={{ height }}
        className="flex items-center justify-center rounded-lg border border-dashed border-slate-200 text-sm text-slate-500"
        data-testid="chart-empty"
      >
        本期暂无数据
      </div>
    );
  }
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: "100%" }} onEvents={onEvents} />
    </div>
  );
}

/** "93.03%" for a tooltip or label; "—" for no value. */
export function percentText(value: unknown): string {
  return typeof value === "number" ? `${value.toFixed(2)}%` : "—";
}
