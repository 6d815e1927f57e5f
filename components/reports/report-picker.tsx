"use client";

import Link from "@/components/link";
import { useState } from "react";
import { REPORT_KIND_LABELS } from "@/lib/reports/format";
import { REPORT_KINDS, type ReportKind, type ReportQuery } from "@/lib/validation/reports";

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const QUARTERS = [1, 2, 3, 4];
const pad = (n: number) => String(n).padStart(2, "0");

/** The first day of the chosen month, quarter or year: the `at` the report routes take. */
function atOf(kind: ReportKind, year: string, month: number, quarter: number): string | null {
  if (!/^\d{4}$/.test(year) || Number(year) < 1970) return null;
  if (kind === "month") return `${year}-${pad(month)}-01`;
  if (kind === "quarter") return `${year}-${pad(quarter * 3 - 2)}-01`;
  return `${year}-01-01`;
}

/**
 * Chooses 月报 / 季报 / 年报, the period and (for a manager) the unit, and links to the Excel
 * export and the print version. The links are plain URLs, so the server checks them again.
 */
export function ReportPicker({
  initial,
  units,
  ownUnitName,
}: {
  initial: ReportQuery;
  /** Units a manager may choose; null for a LEAD, who reads their own unit only. */
  units: { code: string; name: string }[] | null;
  ownUnitName: string | null;
}) {
  const [kind, setKind] = useState<ReportKind>(initial.kind);
  const [year, setYear] = useState(initial.at.slice(0, 4));
  const [month, setMonth] = useState(Number(initial.at.slice(5, 7)));
  const [quarter, setQuarter] = useState(Math.floor((Number(initial.at.slice(5, 7)) - 1) / 3) + 1);
  const [unit, setUnit] = useState(initial.unit ?? "");

  const at = atOf(kind, year, month, quarter);
  const params = at ? new URLSearchParams({ kind, at, ...(units && unit ? { unit } : {}) }).toString() : null;
  const field = "flex flex-col gap-1 text-sm text-slate-600";
  const input = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

  return (
    <div className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5">
      <fieldset className="flex flex-wrap gap-2" data-testid="report-kind">
        <legend className="mb-2 text-sm text-slate-600">报表类型</legend>
        {REPORT_KINDS.map((k) => (
          <label key={k} className={`cursor-pointer rounded-lg border px-3 py-1.5 text-sm ${kind === k ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300"}`}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="sr-only" />
            {REPORT_KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>

      <div className="flex flex-wrap items-end gap-3">
        <label className={field}>
          年份
          <input
            type="number"
            inputMode="numeric"
            min={1970}
            max={9999}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            className={`${input} w-28`}
            data-testid="report-year"
          />
        </label>
        {kind === "month" && (
          <label className={field}>
            月份
            <select value={month} onChange={(e) => setMonth(Number(e.target.value))} className={input} data-testid="report-month">
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {m}月
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === "quarter" && (
          <label className={field}>
            季度
            <select value={quarter} onChange={(e) => setQuarter(Number(e.target.value))} className={input} data-testid="report-quarter">
              {QUARTERS.map((q) => (
                <option key={q} value={q}>
                  第{q}季度
                </option>
              ))}
            </select>
          </label>
        )}
        <label className={field}>
          统计范围
          {units ? (
            <select value={unit} onChange={(e) => setUnit(e.target.value)} className={input} data-testid="report-unit">
              <option value="">全部单位</option>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          ) : (
            <span className="py-1.5 text-slate-900" data-testid="report-unit">
              本单位{ownUnitName ? `（${ownUnitName}）` : ""}
            </span>
          )}
        </label>
      </div>

      {params ? (
        <div className="flex flex-wrap gap-2">
          {/* A file download, not a page: a plain link, so the router does not prefetch it. */}
          <a href={`/reports/export?${params}`} className="rounded-lg bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid="report-export">
            导出 Excel
          </a>
          <Link href={`/reports/print?${params}`} className="rounded-lg border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50" data-testid="report-print">
            打印版
          </Link>
        </div>
      ) : (
        <p className="text-sm text-red-600">请填写四位数的年份，例如 2022。</p>
      )}
    </div>
  );
}
