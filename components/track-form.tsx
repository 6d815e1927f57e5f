"use client";

import { useState, useTransition } from "react";
import { lookUpTicket } from "@/app/(public)/track/actions";
import { FieldErrors, inputClass } from "@/components/field";
import { StatusBadge } from "@/components/status-badge";
import { TicketTimeline } from "@/components/ticket-timeline";
import type { TrackedTicket } from "@/lib/dal/tracking";
import type { FieldError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

export function TrackForm({ initialNo }: { initialNo: string }) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [ticket, setTicket] = useState<TrackedTicket | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await lookUpTicket(formData);
      setTicket(result.ok ? result.data : null);
      setErrors(result.ok ? [] : result.errors);
      setMessage(result.ok ? null : result.message);
    });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5" noValidate>
        <label className="block">
          <span className="mb-1 block font-semibold">工单编号</span>
          <input name="no" defaultValue={initialNo} inputMode="numeric" maxLength={14} className={inputClass} placeholder="14 位数字" />
          <FieldErrors errors={errors} field="no" />
        </label>
        <label className="block">
          <span className="mb-1 block font-semibold">手机号</span>
          <input name="phone" type="tel" inputMode="numeric" maxLength={11} className={inputClass} placeholder="提交诉求时填写的手机号" />
          <FieldErrors errors={errors} field="phone" />
        </label>
        {message && !errors.length && (
          <p role="alert" data-testid="form-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
            {message}
          </p>
        )}
        <button type="submit" disabled={pending} className="w-full rounded-xl bg-brand-600 px-4 py-3 text-lg font-semibold text-white disabled:opacity-60">
          {pending ? "正在查询…" : "查询"}
        </button>
      </form>

      {ticket && (
        <section className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5" data-testid="tracked-ticket">
          <div className="flex items-center justify-between gap-2">
            <h2 className="text-lg font-bold">{ticket.title}</h2>
            <StatusBadge status={ticket.status} />
          </div>
          {ticket.mergedInto && (
            <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-800">
              您反映的问题已并入工单 <span className="font-mono font-semibold">{ticket.mergedInto}</span> 一并办理。
            </p>
          )}
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <div>
              <dt className="text-slate-500">工单编号</dt>
              <dd className="font-mono">{ticket.no}</dd>
            </div>
            <div>
              <dt className="text-slate-500">诉求分类</dt>
              <dd>{ticket.categoryName}</dd>
            </div>
            <div>
              <dt className="text-slate-500">承办单位</dt>
              <dd data-testid="tracked-unit">{ticket.ownerUnitName ?? "正在分派"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">承诺办结时间</dt>
              <dd>{formatDateTime(ticket.dueAt)}</dd>
            </div>
          </dl>
          {ticket.reply && (
            <div className="rounded-lg bg-slate-50 p-3 text-sm">
              <p className="font-semibold">答复</p>
              <p className="whitespace-pre-wrap">{ticket.reply}</p>
            </div>
          )}
          <div>
            <h3 className="mb-3 font-semibold">办理进度</h3>
            <TicketTimeline events={ticket.events} showVisibility={false} />
          </div>
        </section>
      )}
    </div>
  );
}
