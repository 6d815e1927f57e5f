"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FieldErrors, inputClass } from "@/components/field";
import { PhotoPicker } from "@/components/photo-picker";
import type { ActionResult } from "@/lib/actions/result";
import { MAX_PHOTOS } from "@/lib/domain/image-type";
import { MAX_CONTENT_CHARS } from "@/lib/domain/ticket-text";
import type { FieldError } from "@/lib/errors";

type Outcome = { ok: true; text: string } | { ok: false; text: string };

/**
 * 催办 and 补充 on the citizen's own open ticket. The actions come bound to the ticket (and, on
 * the tracking page, to the phone that proved it is theirs); the server decides what is allowed,
 * this only offers what `canRemind` / `canSupplement` say makes sense now.
 */
export function FollowUpPanel({
  canRemind,
  canSupplement,
  remind,
  supplement,
  onDone,
}: {
  canRemind: boolean;
  canSupplement: boolean;
  remind: () => Promise<ActionResult<unknown>>;
  supplement: (formData: FormData) => Promise<ActionResult<unknown>>;
  /** After a success, e.g. to look the ticket up again; by default the page is refreshed. */
  onDone?: () => void;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [writing, setWriting] = useState(false);

  if (!canRemind && !canSupplement) return null;

  function settle(result: ActionResult<unknown>, success: string) {
    setOutcome(result.ok ? { ok: true, text: success } : { ok: false, text: result.message });
    setErrors(result.ok ? [] : result.errors);
    if (!result.ok) return;
    setWriting(false);
    if (onDone) onDone();
    else router.refresh();
  }

  function onRemind() {
    startTransition(async () => settle(await remind(), "已催办，承办单位会尽快办理"));
  }

  function onSupplement(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => settle(await supplement(formData), "补充内容已提交，承办单位会一并办理"));
  }

  return (
    <div className="space-y-3 rounded-xl border border-slate-200 p-4" data-testid="follow-up">
      <div className="flex flex-wrap gap-3">
        {canRemind && (
          <button type="button" onClick={onRemind} disabled={pending} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white disabled:opacity-60">
            催办
          </button>
        )}
        {canSupplement && !writing && (
          <button type="button" onClick={() => setWriting(true)} className="rounded-lg border border-brand-600 px-4 py-2 font-semibold text-brand-700">
            补充情况
          </button>
        )}
      </div>
      {outcome && (
        <p role={outcome.ok ? "status" : "alert"} data-testid="follow-up-message" className={`rounded-lg px-3 py-2 text-sm ${outcome.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
          {outcome.text}
        </p>
      )}
      {writing && (
        <form onSubmit={onSupplement} className="space-y-3" noValidate>
          <label className="block">
            <span className="mb-1 block font-semibold">补充内容</span>
            <textarea name="text" rows={4} maxLength={MAX_CONTENT_CHARS} className={inputClass} placeholder="新的情况、时间、地点等（可只补充照片）" />
            <FieldErrors errors={errors} field="text" />
          </label>
          <div>
            <p className="mb-1 font-semibold">照片（可选，最多 {MAX_PHOTOS} 张）</p>
            <PhotoPicker name="photos" max={MAX_PHOTOS} />
            <FieldErrors errors={errors} field="photos" />
          </div>
          <div className="flex gap-3">
            <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white disabled:opacity-60">
              {pending ? "正在提交…" : "提交补充"}
            </button>
            <button type="button" onClick={() => setWriting(false)} className="rounded-lg px-4 py-2 text-slate-700">
              取消
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
