import "server-only";
// 统计报表: the dashboard's figures for one calendar month, quarter or year, with the names a
// printed or exported report needs. Authorisation (dashboard:view, a LEAD held to their own unit)
// is dashboard()'s.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { callReport, type CallReport } from "@/lib/dal/call-report";
import { dashboard, type Dashboard } from "@/lib/dal/metrics/dashboard";
import { detachmentName, reference, unitNamesOf } from "@/lib/dal/reference";
import { periodContaining } from "@/lib/domain/periods";
import type { UnitNames } from "@/lib/domain/metric-labels";
import type { ReportQuery } from "@/lib/validation/reports";

export type MetricsReport = {
  dashboard: Dashboard;
  /** The detachment's name (支队), for titles. */
  organisation: string;
  unitNames: UnitNames;
  generatedAt: Date;
  /** 话务 of the hotline centre, for a detachment-wide report read by someone who may see it. */
  calls: CallReport | null;
};

export async function metricsReport(actor: Actor, query: ReportQuery, now = new Date()): Promise<MetricsReport> {
  const period = periodContaining(query.kind, query.at);
  const report = await dashboard(actor, { kind: query.kind, period, unit: query.unit }, now);
  const [ref, calls] = await Promise.all([reference(), can(actor.role, "call:read") && !report.unit ? callReport(actor, period) : null]);
  return {
    dashboard: report,
    organisation: detachmentName(ref),
    unitNames: unitNamesOf(ref),
    generatedAt: now,
    calls,
  };
}
