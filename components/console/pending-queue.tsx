"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { dispatchPending } from "@/app/(staff)/console/actions";
import { CATEGORY_LABELS, type CategoryCode } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/format";

type Item = { no: string; version: number; title: string; content: string; category: string; district: string | null; place: string | null; receivedAt: Date };

export function PendingQueue({ items, brigades }: { items: Item[]; brigades: { code: string; name: string }[] }) {
  if (!items.length) return <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-slate-500">没有待派单的工单</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <PendingItem key={item.no} item={item} brigades={brigades} />
      ))}
    </ul>
  );
}

function PendingItem({ item, brigades }: { item: Item; brigades: { code: string; name: string }[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  function dispatch(formData: FormData) {
    startTransition(async () => {
      const result = await dispatchPending(item.no, item.version, String(formData.get("unit") ?? ""));
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
      <form action={dispatch} className="mt-2 flex gap-2">
        <select name="unit" aria-label={`${item.no} 派往单位`} className="flex-1 rounded-lg border border-slate-300 px-2 py-1.5" defaultValue="">
          <option value="" disabled>
            选择承办大队
          </option>
          {brigades.map((b) => (
            <option key={b.code} value={b.code}>
              {b.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          派单
        </button>
      </form>
      {message && <p className="mt-1 text-red-700" data-testid="form-error">{message}</p>}
    </li>
  );
}
