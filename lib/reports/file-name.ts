// The exported file's name: Chinese for the reader (接诉即办月报-2022年1月.xlsx), with an ASCII
// fallback for clients that do not read RFC 6266's filename* parameter.
import { periodLabel, type Period, type PeriodKind } from "@/lib/domain/periods";
import { REPORT_KIND_LABELS } from "./format";

export type ReportFileName = { name: string; ascii: string };

function asciiPeriod(kind: PeriodKind, period: Period): string {
  if (kind === "year") return period.from.slice(0, 4);
  if (kind === "quarter") return `${period.from.slice(0, 4)}-Q${Math.floor((Number(period.from.slice(5, 7)) - 1) / 3) + 1}`;
  if (kind === "month") return period.from.slice(0, 7);
  return `${period.from}_${period.to}`;
}

export function reportFileName(kind: PeriodKind, period: Period, unit: { code: string; name: string } | null): ReportFileName {
  const name = `接诉即办${REPORT_KIND_LABELS[kind]}-${periodLabel(kind, period)}${unit ? `-${unit.name}` : ""}.xlsx`;
  const unitCode = unit ? `-${unit.code.replace(/[^A-Za-z0-9_-]/g, "")}` : "";
  return { name, ascii: `jsjb-${kind}-report-${asciiPeriod(kind, period)}${unitCode}.xlsx` };
}

/** RFC 5987 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Content-Disposition for a download, e.g. `attachment; filename="a.xlsx"; filename*=UTF-8''%E6…`. */
export function attachmentDisposition(file: ReportFileName): string {
  return `attachment; filename="${file.ascii}"; filename*=UTF-8''${encodeExtValue(file.name)}`;
}
