import { formatLocalDateTime } from "@/lib/domain/local-time";

/** Local (Asia/Shanghai) date-time for display; "—" when absent. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return formatLocalDateTime(typeof value === "string" ? new Date(value) : value);
}

/** A share (0–1) with one decimal, "93.9%"; "—" when nothing was measured. */
export function formatShare(fraction: number | null): string {
  return fraction === null ? "—" : `${(fraction * 100).toFixed(1)}%`;
}

/** A classifier's confidence (0–1) as a whole percentage, "82%". */
export function formatConfidence(p: number): string {
  return `${Math.round(p * 100)}%`;
}
