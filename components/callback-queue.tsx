"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markUnreachable, recordCallback } from "@/app/(staff)/callbacks/actions";
import type { CallbackItem } from "@/lib/dal/evaluations";
import { formatDateTime } from "@/lib/format";

const RESOLVED = [
  { value: "true", label: "是" },
  { value: "false", label: "否" },
] as const;

const SATISFACTION = [
  { value: "SATISFIED", label: "满意" },
  { value: "BASIC", label: "基本满意" },
  { value: "UNSATISFIED", label: "不满意" },
] as const;

export function CallbackQueue({ items, maxAttempts }: { items: CallbackItem[]; maxAttempts: number }) {
  if (!items.length) return <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-slate-500">没有待回访的工单</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <CallbackRow key={`${item.no}-${item.version}`} item={item} maxAttempts={maxAttempts} />
      ))}
    </ul>
  );
}

function CallbackRow({ item, maxAttempts }: { item: CallbackItem; maxAttempts: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  function settle(result: { ok: true } | { ok: false; message: string; errors: { message: string }[] }) {
    if (result.ok) {
      setMessage(null);
      router.refresh();
    } else {
      setMessage(result.message + (result.errors.length ? `：${result.errors.map((e) => e.message).join("；")}` : ""));
    }
  }

  function record(formData: FormData) {
    startTransition(async () => settle(await recordCallback(item.no, item.version, formData)));
  }

  function unreachable() {
    startTransition(async () => settle(await markUnreachable(item.no, item.version)));
  }

  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 text-sm" data-testid="callback-item">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <a href={`/tickets/${item.no}`} className="font-mono text-xs text-brand-700 underline">
          {item.no}
        </a>
        <span className="text-xs text-slate-500">
          答复于 {formatDateTime(item.repliedAt)} · 评价期限 {formatDateTime(item.evaluationExpiresAt)}
        </span>
      </div>
      <p className="mt-1 font-medium">{item.title}</p>
      <p className="mt-1">
        <span className="text-slate-500">群众：</span>
        {item.citizenName ?? "—"}{" "}
        <a href={`tel:${item.citizenPhone ?? ""}`} className="font-mono font-semibold" data-testid="callback-phone">
          {item.citizenPhone ?? "—"}
        </a>
        <span className="ml-3 text-slate-500" data-testid="callback-attempts">
          未接通 {item.callbackAttempts}/{maxAttempts} 次
        </span>
      </p>
      {item.reply && <p className="mt-1 line-clamp-2 text-slate-600">答复：{item.reply}</p>}
      <form action={record} className="mt-3 space-y-2">
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="sr-only">{item.no} 是否解决</legend>
          <span className="font-semibold" aria-hidden>
            是否解决
          </span>
          {RESOLVED.map((o) => (
            <label key={o.value} className="flex items-center gap-1">
              <input type="radio" name="resolved" value={o.value} />
              {o.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="sr-only">{item.no} 满意度</legend>
          <span className="font-semibold" aria-hidden>
            满意度
          </span>
          {SATISFACTION.map((o) => (
            <label key={o.value} className="flex items-center gap-1">
              <input type="radio" name="satisfaction" value={o.value} />
              {o.label}
            </label>
          ))}
        </fieldset>
        <input
          name="comment"
          maxLength={500}
          aria-label={`${item.no} 群众意见`}
          placeholder="群众意见（选填）"
          className="w-full rounded-lg border border-slate-300 px-2 py-1.5"
        />
        <div className="flex gap-2">
          <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-3 py-1.5 font-medium text-white disabled:opacity-60">
            录入回访
          </button>
          <button
            type="button"
            onClick={unreachable}
            disabled={pending}
            className="rounded-lg border border-slate-300 px-3 py-1.5 font-medium disabled:opacity-60"
          >
            未接通
          </button>
        </div>
      </form>
      {message && (
        <p className="mt-1 text-red-700" role="alert" data-testid="form-error">
          {message}
        </p>
      )}
    </li>
  );
}
