import type { Metadata } from "next";
import Link from "@/components/link";
import { OpenNotes, OpenPeriodNav, OpenRankingTable } from "@/components/open-figures";
import { OPEN_FIGURES_TTL_MS, openFigures, type OpenFigures } from "@/lib/dal/open-figures";
import { formatDateTime } from "@/lib/format";
import { Invalid } from "@/lib/errors";
import { openQuerySchema } from "@/lib/validation/open";

export const metadata: Metadata = { title: "数据公开 · 接诉即办各大队办理情况" };

type Props = { searchParams: Promise<Record<string, string>> };

function PeriodError({ messages }: { messages: string[] }) {
  return (
    <div role="alert" className="space-y-2 rounded-2xl border border-red-200 bg-white p-5" data-testid="open-error">
      <ul className="list-disc pl-5 text-sm text-red-700">
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <Link href="/open" className="text-sm text-brand-600 underline">
        查看本年度数据
      </Link>
    </div>
  );
}

/** 数据公开: each brigade's 接诉即办 figures for a year or a month, for anyone (no sign-in). */
export default async function OpenDataPage({ searchParams }: Props) {
  const parsed = openQuerySchema.safeParse(await searchParams);
  let figures: OpenFigures | null = null;
  let errors: string[] = [];
  if (!parsed.success) errors = parsed.error.issues.map((i) => i.message);
  else {
    try {
      figures = await openFigures(parsed.data);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      errors = error.errors.map((e) => e.message);
    }
  }
  return (
    <div className="space-y-5">
      <section className="space-y-2">
        <h1 className="text-2xl font-bold">数据公开</h1>
        <p className="text-slate-600">
          按月、按年公布各大队办理群众诉求的受理量、办结率、响应率、解决率和满意率，接受群众监督。只公布统计数字，不含任何诉求内容和个人信息。
        </p>
      </section>
      {figures ? (
        <>
          <OpenPeriodNav figures={figures} />
          <h2 className="text-lg font-semibold" data-testid="open-period">
            {figures.label}各大队办理情况
          </h2>
          <OpenRankingTable brigades={figures.brigades} total={figures.total} />
          <p className="text-xs text-slate-600">统计时间：{formatDateTime(figures.computedAt)}</p>
          <OpenNotes basicWeight={figures.basicWeight} ttlMinutes={OPEN_FIGURES_TTL_MS / 60_000} />
        </>
      ) : (
        <PeriodError messages={errors} />
      )}
    </div>
  );
}
