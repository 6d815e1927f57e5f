import type { Metadata } from "next";
import Link from "@/components/link";
import { forbidden } from "next/navigation";
import { CallFigureTable } from "@/components/calls/call-figures";
import { PrintButton } from "@/components/reports/print-button";
import { BreakdownTable, OverallTable, UnitRankingTable } from "@/components/reports/report-tables";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { metricsReport, type MetricsReport } from "@/lib/dal/reports";
import { COMPARISON_BASIS } from "@/lib/domain/comparison";
import { formatLocalDateTime } from "@/lib/domain/local-time";
import { periodContaining } from "@/lib/domain/periods";
import { Forbidden, Invalid } from "@/lib/errors";
import { periodText, reportTitle, scopeLabel } from "@/lib/reports/format";
import { reportSummary } from "@/lib/reports/summary";
import { reportQuerySchema } from "@/lib/validation/reports";

type Props = { searchParams: Promise<Record<string, string>> };

const NUMERALS = ["一", "二", "三", "四", "五", "六"];

// The document title is what "另存为 PDF" suggests as the file name.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = reportQuerySchema.safeParse(await searchParams);
  if (!parsed.success) return { title: "统计报表" };
  const { kind, at } = parsed.data;
  return { title: reportTitle("", kind, periodContaining(kind, at)) };
}

function ReportError({ messages }: { messages: string[] }) {
  return (
    <div className="space-y-3 rounded-2xl border border-red-200 bg-white p-5" data-testid="report-error">
      <h1 className="text-lg font-bold">无法生成报表</h1>
      <ul className="list-disc pl-5 text-sm text-red-700">
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <Link href="/reports" className="text-sm text-brand-600 underline">
        返回统计报表
      </Link>
    </div>
  );
}

/** 打印版: the leadership-meeting report of one month, quarter or year, laid out for A4. */
export default async function ReportPrintPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  if (!can(actor.role, "dashboard:view")) forbidden();
  const params = await searchParams;
  const parsed = reportQuerySchema.safeParse(params);
  if (!parsed.success) return <ReportError messages={parsed.error.issues.map((i) => i.message)} />;

  let data: MetricsReport;
  try {
    data = await metricsReport(actor, parsed.data);
  } catch (error) {
    if (error instanceof Invalid) return <ReportError messages={error.errors.map((e) => e.message)} />;
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
  const { dashboard: report, organisation, unitNames, generatedAt, calls } = data;
  const query = new URLSearchParams({ kind: parsed.data.kind, at: parsed.data.at, ...(parsed.data.unit ? { unit: parsed.data.unit } : {}) });

  const sections: { title: string; testId: string; body: React.ReactNode }[] = [
    {
      title: "总体情况",
      testId: "report-section-overall",
      body: (
        <>
          <p className="mb-3 leading-7 indent-8" data-testid="report-summary">
            {reportSummary(report, unitNames)}
          </p>
          <OverallTable current={report.current} before={report.before} />
        </>
      ),
    },
  ];
  if (!report.unit) {
    sections.push({ title: "各单位满意率排名", testId: "report-section-units", body: <UnitRankingTable rows={report.breakdowns.unit} unitNames={unitNames} /> });
  }
  sections.push(
    {
      title: "诉求分类",
      testId: "report-section-category",
      body: <BreakdownTable groupBy="category" groupHeader="分类" rows={report.breakdowns.category} unitNames={unitNames} total={report.current.received} testId="report-category" />,
    },
    {
      title: "来源渠道",
      testId: "report-section-channel",
      body: <BreakdownTable groupBy="channel" groupHeader="渠道" rows={report.breakdowns.channel} unitNames={unitNames} total={report.current.received} testId="report-channel" />,
    },
  );
  if (report.kind !== "month") {
    sections.push({
      title: "逐月情况",
      testId: "report-section-month",
      body: <BreakdownTable groupBy="month" groupHeader="月份" rows={report.breakdowns.month} unitNames={unitNames} testId="report-month" />,
    });
  }

  if (calls) {
    sections.push({
      title: "话务情况",
      testId: "report-section-calls",
      body: (
        <CallFigureTable
          rows={[{ key: "centre", label: "全中心", figures: calls.centre }, ...calls.byAgent.map((a) => ({ key: a.agentId, label: a.name, figures: a.figures }))]}
          keyLabel="坐席"
          testId="report-calls"
        />
      ),
    });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <Link href={`/reports?${query}`} className="rounded-lg border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50">
          返回
        </Link>
        <a href={`/reports/export?${query}`} className="rounded-lg border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50">
          导出 Excel
        </a>
        <PrintButton />
      </div>
      <article className="print-report mx-auto max-w-[210mm] space-y-6 bg-white p-8 shadow-sm print:max-w-none print:p-0 print:shadow-none" data-testid="report-print">
        <header className="space-y-2 text-center">
          <h1 className="text-xl font-bold" data-testid="report-title">
            {reportTitle(organisation, report.kind, report.period)}
          </h1>
          <p className="text-sm text-slate-600">
            统计范围：<span data-testid="report-scope">{scopeLabel(report)}</span>　统计期间：{periodText(report.kind, report.period)}
          </p>
          <p className="text-sm text-slate-600">
            {COMPARISON_BASIS}：{report.previousLabel}　生成时间：{formatLocalDateTime(generatedAt)}
          </p>
        </header>
        {sections.map((section, i) => (
          <section key={section.testId} className="report-section" data-testid={section.testId}>
            <h2 className="mb-2 text-base font-bold">
              {NUMERALS[i]}、{section.title}
            </h2>
            {section.body}
          </section>
        ))}
        <footer className="text-xs leading-5 text-slate-500">
          注：按受理时间统计，不含已并单、无效工单，归属承办单位；比率四舍五入保留两位小数，分母为 0 时显示“—”；变化为本期与去年同期显示值之差。各单位、分类、渠道的全部指标见 Excel 导出。
        </footer>
      </article>
    </div>
  );
}
