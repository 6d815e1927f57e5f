import "server-only";
// 统计报表: the dashboard's figures for one calendar month, quarter or year, with the names a
// printed or exported report needs. Authorisation (dashboard:view, a LEAD held to their own unit)
// is dashboard()'s.
import type { Actor } from "@/lib/auth/actor";
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
};

export async function metricsReport(actor: Actor, query: ReportQuery, now = new Date()): Promise<MetricsReport> {
  const period = periodContaining(query.kind, query.at);
  const report = await dashboard(actor, { kind: query.kind, period, unit: query.unit }, now);
  const ref = await reference();
  return {
    dashboard: report,
    organisation: detachmentName(ref),
    unitNames: unitNamesOf(ref),
    generatedAt: now,
  };
}
