import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/status-badge";
import { ActionPanel } from "@/components/ticket-actions/action-panel";
import { DeadlineBadge } from "@/components/deadline-badge";
import { MergedCalls } from "@/components/merged-calls";
import { TicketTimeline } from "@/components/ticket-timeline";
import { requirePageActor } from "@/lib/auth/session";
import { callsOfTicket } from "@/lib/dal/calls";
import { mergedCallsOf } from "@/lib/dal/merged-calls";
import { actionsFor } from "@/lib/dal/ticket-actions-view";
import { recordTicketOpened } from "@/lib/dal/ticket-opened";
import { getTicket } from "@/lib/dal/tickets";
import { CHANNEL_LABELS, DEADLINE_LABELS, GRADE_LABELS, TYPE_LABELS, URGENCY_LABELS } from "@/lib/domain/labels";
import { deadlineFlags, type DeadlineFlag } from "@/lib/domain/overdue";
import { telHref } from "@/lib/domain/phone";
import { formatCallDuration } from "@/lib/domain/calls";
import { NotFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "工单详情" };

async function loadTicket(no: string) {
  const actor = await requirePageActor();
  try {
    // 新 until opened (issue 13 item 9): remembered beside the reads, not after them — it checks
    // the ticket's visibility itself and writes nothing for a ticket the actor cannot read.
    const [ticket, panel, mergedCalls, calls] = await Promise.all([
      getTicket(actor, no),
      actionsFor(actor, no),
      mergedCallsOf(actor, no),
      callsOfTicket(actor, no),
      recordTicketOpened(actor, no),
    ]);
    return { ticket, panel, mergedCalls, calls };
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** A number staff can call with one tap on a phone (警务通); a masked one stays plain text. */
function Phone({ phone }: { phone: string | null }) {
  const href = phone ? telHref(phone) : null;
  if (!phone) return <span data-testid="citizen-phone">—</span>;
  return href ? (
    <a href={href} data-testid="citizen-phone" className="text-brand-700 underline underline-offset-2">
      {phone}
    </a>
  ) : (
    <span data-testid="citizen-phone">{phone}</span>
  );
}

/** The clock that matters now, first running one of 签收 → 首次联系 → 办结, for the header. */
function NextDeadline({ clocks }: { clocks: { kind: keyof typeof DEADLINE_LABELS; at: Date | null; flag: DeadlineFlag }[] }) {
  const next = clocks.find((c) => c.flag !== null && c.at !== null);
  if (!next) return null;
  return (
    <p className="mt-1 text-sm" data-testid="next-deadline">
      <span className="text-slate-500">{DEADLINE_LABELS[next.kind]}时限</span> {formatDateTime(next.at)}
      <DeadlineBadge flag={next.flag} />
    </p>
  );
}

export default async function TicketPage({ params }: { params: Promise<{ no: string }> }) {
  const { no } = await params;
  const { ticket: t, panel, mergedCalls, calls } = await loadTicket(no);
  // The *OverdueAt markers only say whether a crossing was recorded; the badges do not need them.
  const flags = deadlineFlags(
    {
      status: t.status,
      anonymous: t.citizen.anonymous,
      ...t.timestamps,
      ...t.deadlines,
      signOverdueAt: null,
      contactOverdueAt: null,
      dueOverdueAt: null,
    },
    new Date(),
    panel.nearDueFraction,
  );
  // On a phone (警务通) the order is: the header with status and the next deadline, then the
  // actions and the deadlines, then the photos and the timeline. From lg the actions sit in a
  // right-hand column beside both (row 2 is 1fr so the column's height never stretches row 1).
  return (
    <div className="grid gap-6 lg:grid-cols-3 lg:grid-rows-[auto_1fr]">
      <section className="min-w-0 lg:col-span-2">
        <div className="rounded-2xl border border-slate-200 bg-white p-5">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-bold" data-testid="ticket-title">
              {t.title}
            </h1>
            <StatusBadge status={t.status} />
            {t.flags.supervised && (
              <span data-testid="supervised-mark" className="rounded bg-red-600 px-2 py-0.5 text-xs text-white">
                督办
              </span>
            )}
            <Link href={`/tickets/${t.no}/print`} className="ml-auto text-sm text-brand-600 underline print:hidden" data-testid="print-ticket-link">
              打印办理单
            </Link>
            {panel.actions.length > 0 && (
              <a href="#ticket-actions-heading" className="rounded-lg bg-brand-600 px-3 py-1 text-sm text-white lg:hidden">
                办理
              </a>
            )}
          </div>
          <p className="mt-1 font-mono text-sm text-slate-500">
            <span data-testid="ticket-no">{t.no}</span>
            {/* The version is for the forms' stale check (and tests), not for people to read. */}
            <span hidden data-testid="ticket-version">
              {t.version}
            </span>
          </p>
          <NextDeadline
            clocks={[
              { kind: "SIGN", at: t.deadlines.signDueAt, flag: flags.sign },
              { kind: "CONTACT", at: t.deadlines.contactDueAt, flag: flags.contact },
              { kind: "CLOSE", at: t.deadlines.dueAt, flag: flags.close },
            ]}
          />
          <p className="mt-4 whitespace-pre-wrap">{t.content}</p>
          <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
            <Field label="诉求类型">{TYPE_LABELS[t.type]}</Field>
            <Field label="诉求分类">{t.categoryName}</Field>
            <Field label="来源渠道">{CHANNEL_LABELS[t.channel]}</Field>
            {calls.map((call) => (
              <Field key={call.startedAt.toISOString()} label="受理来电">
                <span data-testid="ticket-call">
                  {call.agentName} 接听 · {formatDateTime(call.startedAt)} · 通话 {formatCallDuration(call.durationSeconds)}
                </span>
              </Field>
            ))}
            <Field label="紧急程度">{URGENCY_LABELS[t.urgency]}</Field>
            <Field label="难度等级">{GRADE_LABELS[t.grade]}</Field>
            <Field label="辖区 / 地点">{[t.district, t.place].filter(Boolean).join(" ") || "—"}</Field>
            <Field label="联系人">{t.citizen.anonymous ? "匿名" : (t.citizen.name ?? "—")}</Field>
            <Field label="联系电话">
              <Phone phone={t.citizen.phone} />
            </Field>
            {t.citizen.email && (
              <Field label="电子邮箱">
                <span data-testid="citizen-email">{t.citizen.email}</span>
              </Field>
            )}
            <Field label="承办单位">{t.ownerUnitName ?? "待派单"}</Field>
          </dl>
        </div>
      </section>
      <aside className="flex min-w-0 flex-col gap-4 lg:col-start-3 lg:row-span-2 lg:row-start-1">
        <div className="order-last rounded-2xl border border-slate-200 bg-white p-5 lg:order-none">
          <h2 className="mb-3 font-semibold">时限</h2>
          <dl className="space-y-2">
            <Field label="受理时间">{formatDateTime(t.timestamps.receivedAt)}</Field>
            <Field label="签收时限">
              {formatDateTime(t.deadlines.signDueAt)}
              <DeadlineBadge flag={flags.sign} testId="deadline-sign-flag" />
            </Field>
            <Field label="首次联系时限">
              {formatDateTime(t.deadlines.contactDueAt)}
              <DeadlineBadge flag={flags.contact} testId="deadline-contact-flag" />
            </Field>
            <Field label="办结时限">
              {formatDateTime(t.deadlines.dueAt)}
              <DeadlineBadge flag={flags.close} testId="deadline-close-flag" />
            </Field>
          </dl>
        </div>
        <ActionPanel
          no={t.no}
          version={t.version}
          actions={panel.actions}
          options={{
            ownerUnits: panel.ownerUnits,
            assistUnits: panel.assistUnits,
            assignees: panel.assignees,
            needsCoordination: panel.needsCoordination,
            maxExtensionWorkingDays: panel.maxExtensionWorkingDays,
            replyTemplates: panel.replyTemplates,
            dispatch: panel.dispatch,
          }}
        />
      </aside>
      <section className="min-w-0 space-y-4 lg:col-span-2">
        {t.photos.length > 0 && (
          <div className="rounded-2xl border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">群众上传的照片</h2>
            <div className="flex flex-wrap gap-3">
              {t.photos.map((p, i) => (
                <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                  {/* eslint-disable-next-line @next/next/no-img-element -- private, authorised file; not for the image optimiser */}
                  <img src={p.url} alt={`照片 ${i + 1}`} data-testid="ticket-photo" className="h-32 w-auto rounded-lg border border-slate-200 object-cover" />
                </a>
              ))}
            </div>
          </div>
        )}
        <MergedCalls calls={mergedCalls} />
        {t.reply && (
          <div className="rounded-2xl border border-slate-200 bg-white p-5">
            <h2 className="mb-2 font-semibold">答复内容</h2>
            <p className="whitespace-pre-wrap text-sm">{t.reply}</p>
          </div>
        )}
        <div className="rounded-2xl border border-slate-200 bg-white p-5">
          <h2 className="mb-4 font-semibold">办理过程</h2>
          <TicketTimeline events={t.events} showVisibility />
        </div>
      </section>
    </div>
  );
}
