import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CallCards, CallFigureTable, CallTopics } from "@/components/calls/call-figures";
import { CallList } from "@/components/calls/call-list";
import { SwitchImport } from "@/components/calls/switch-import";
import Link from "@/components/link";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { callReport } from "@/lib/dal/call-report";
import { CALL_PAGE_SIZE, listCalls } from "@/lib/dal/calls";
import { MAX_SWITCH_FILE_BYTES } from "@/lib/dal/switch-figures";
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES } from "@/lib/domain/calls";
import { addLocalDays, isLocalDate, localDateOf } from "@/lib/domain/local-time";
import { periodContaining, type Period } from "@/lib/domain/periods";
import { callPageQuerySchema } from "@/lib/validation/calls";

export const metadata: Metadata = { title: "话务" };

const tab = "rounded-full border px-3 py-1 text-sm";
const on = `${tab} border-brand-600 bg-brand-600 text-white`;
const off = `${tab} border-slate-300 bg-white text-slate-700 hover:bg-slate-50`;

/** 话务: one day's (or month's) calls by the centre, per agent and per day, and the day's call log. */
export default async function CallsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageActor();
  if (!can(actor.role, "call:read")) forbidden();
  const parsed = callPageQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { page: 1, date: undefined, month: undefined, outcome: undefined };
  const today = localDateOf(new Date());
  const month = query.month;
  const date = !month && query.date && isLocalDate(query.date) ? query.date : today;
  const period: Period = month ? periodContaining("month", `${month}-01`) : { from: date, to: addLocalDays(date, 1) };
  const [report, calls] = await Promise.all([
    callReport(actor, period),
    month ? null : listCalls(actor, { date, outcome: query.outcome, page: query.page }),
  ]);
  const pages = calls ? Math.max(1, Math.ceil(calls.total / CALL_PAGE_SIZE)) : 1;
  const dayHref = (d: string, extra = "") => `/calls?date=${d}${extra}`;
  const previousMonth = addLocalDays(period.from, -1).slice(0, 7);
  const nextMonth = period.to.slice(0, 7);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-bold">话务</h1>
          <p className="mt-1 text-sm text-slate-600">每一通来电都登记：当场解答、转工单、转接或无效。人工接通率来自交换机统计（导入或接口上报），未导入时不显示。</p>
        </div>
        <nav className="flex flex-wrap items-center gap-2" aria-label="统计周期">
          {month ? (
            <>
              <Link href={`/calls?month=${previousMonth}`} className={off}>
                上月
              </Link>
              <span className={on}>{month.replace("-", " 年 ")} 月</span>
              <Link href={`/calls?month=${nextMonth}`} className={off}>
                下月
              </Link>
              <Link href={dayHref(today)} className={off}>
                按日
              </Link>
            </>
          ) : (
            <>
              <Link href={dayHref(addLocalDays(date, -1))} className={off}>
                前一天
              </Link>
              <form action="/calls" className="flex items-center gap-1">
                <input type="date" name="date" defaultValue={date} aria-label="日期" className="rounded-md border border-slate-300 px-2 py-1 text-sm" />
                <button type="submit" className={off}>
                  查看
                </button>
              </form>
              <Link href={dayHref(addLocalDays(date, 1))} className={off}>
                后一天
              </Link>
              <Link href={`/calls?month=${date.slice(0, 7)}`} className={off}>
                按月
              </Link>
            </>
          )}
        </nav>
      </div>
      {!parsed.success && <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">{parsed.error.issues[0]?.message}，已显示今天。</p>}

      <section className="space-y-3" aria-label="话务统计">
        <h2 className="text-lg font-semibold">{month ? `${month.replace("-", " 年 ")} 月` : date} 话务统计</h2>
        <CallCards figures={report.centre} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">按坐席</h2>
        <CallFigureTable rows={report.byAgent.map((a) => ({ key: a.agentId, label: a.name, figures: a.figures }))} keyLabel="坐席" testId="calls-by-agent" />
      </section>
      {month && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">按日</h2>
          <CallFigureTable rows={report.byDay.map((d) => ({ key: d.date, label: d.date, figures: d.figures }))} keyLabel="日期" testId="calls-by-day" />
        </section>
      )}
      <CallTopics report={report} />

      {calls && (
        <section className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">
              话务记录 <span className="text-sm font-normal text-slate-500">{calls.total} 通</span>
            </h2>
            <nav className="flex flex-wrap gap-2" aria-label="按处理结果筛选">
              <Link href={dayHref(date)} className={query.outcome ? off : on}>
                全部
              </Link>
              {CALL_OUTCOMES.map((o) => (
                <Link key={o} href={dayHref(date, `&outcome=${o}`)} className={query.outcome === o ? on : off}>
                  {CALL_OUTCOME_LABELS[o]}
                </Link>
              ))}
            </nav>
          </div>
          <CallList calls={calls.items} />
          {pages > 1 && (
            <nav className="flex items-center gap-2 text-sm" aria-label="翻页">
              {query.page > 1 && (
                <Link href={dayHref(date, `${query.outcome ? `&outcome=${query.outcome}` : ""}&page=${query.page - 1}`)} className={off}>
                  上一页
                </Link>
              )}
              <span>
                第 {query.page} / {pages} 页
              </span>
              {query.page < pages && (
                <Link href={dayHref(date, `${query.outcome ? `&outcome=${query.outcome}` : ""}&page=${query.page + 1}`)} className={off}>
                  下一页
                </Link>
              )}
            </nav>
          )}
        </section>
      )}

      {can(actor.role, "call:import") && <SwitchImport maxBytes={MAX_SWITCH_FILE_BYTES} />}
    </div>
  );
}
