"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { dispatchPending } from "@/app/(staff)/console/actions";
import { DispatchFields } from "@/components/dispatch-fields";
import type { DispatchAdvice } from "@/lib/dal/dispatch-advice";
import { CATEGORY_LABELS, type CategoryCode } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/format";

type Item = {
  no: string;
  version: number;
  title: string;
  content: string;
  category: string;
  district: string | null;
  place: string | null;
  receivedAt: Date;
  advice: DispatchAdvice;
};
type Option = { code: string; name: string };

export function PendingQueue({ items, brigades, categories }: { items: Item[]; brigades: Option[]; categories: Option[] }) {
  if (!items.length) return <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-slate-500">没有待派单的工单</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <PendingItem key={item.no} item={item} brigades={brigades} categories={categories} />
      ))}
    </ul>
  );
}

function PendingItem({ item, brigades, categories }: { item: Item; brigades: Option[]; categories: Option[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  function dispatch(formData: FormData) {
    startTransition(async () => {
      const result = await dispatchPending(item.no, item.version, String(formData.get("unit") ?? ""), String(formData.get("category") ?? ""));
      if (result.ok) router.refresh();
      else setMessage(result.message + (result.errors.length ? `：${result.errors.map((e) => e.message).join("；")}` : ""));
    });
  }

  return (
    <li className="rounded-xl border border-slate-200 bg-white p-3 text-sm" data-testid="pending-item">
      <div className="flex justify-between gap-2">
        <span className="font-mono text-xs text-slate-500">{item.no}</span>
        <span className="text-xs text-slate-500">{formatDateTime(item.receivedAt)}</span>
      </div>
      <p className="mt-1 font-medium">{item.title}</p>
      <p className="line-clamp-2 text-slate-600">{item.content}</p>
      <p className="text-xs text-slate-500">
        {CATEGORY_LABELS[item.category as CategoryCode] ?? item.category} · {[item.district, item.place].filter(Boolean).join(" ") || "地点不详"}
      </p>
      <form action={dispatch} className="mt-2 space-y-2">
        <DispatchFields
          no={item.no}
          units={brigades}
          categories={categories}
          category={item.category}
          advice={item.advice}
          selectClass="w-full rounded-lg border border-slate-300 px-2 py-1.5"
        />
        <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          派单
        </button>
      </form>
      {message && <p className="mt-1 text-red-700" data-testid="form-error">{message}</p>}
    </li>
  );
}
