"use client";

import { useActionState } from "react";
import { FieldErrors } from "@/components/field";
import type { ActionResult } from "@/lib/actions/result";
import { REVIEW_NOTE_MAX, REVIEW_NOTE_MIN } from "@/lib/validation/hot-issues";

/** What the review action answers; null before the first submit. */
export type HotIssueReviewState = { result: ActionResult<{ ticketCount: number; reviewedAt: string }>; note: string } | null;

/**
 * 标记已研判: a required note, validated on the server (Chinese errors shown here). On success
 * the action revalidates the page, which then shows the card as 已研判 instead of this form.
 */
export function HotIssueReviewForm({
  action,
  placeKey,
  category,
  firstAt,
  days,
  again,
}: {
  action: (state: HotIssueReviewState, formData: FormData) => Promise<HotIssueReviewState>;
  placeKey: string;
  category: string;
  firstAt: string;
  days: number;
  /** Reviewed before, with tickets received since: a second review. */
  again: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.result.ok ? state.result : null;
  const loose = failed ? failed.errors.filter((e) => e.field !== "note").map((e) => e.message) : [];
  const noteId = `note-${category}-${placeKey}-${firstAt}`;

  return (
    <form action={formAction} className="mt-3 space-y-2 rounded-xl bg-slate-50 p-3" noValidate data-testid="hot-issue-review-form">
      <input type="hidden" name="placeKey" value={placeKey} />
      <input type="hidden" name="category" value={category} />
      <input type="hidden" name="firstAt" value={firstAt} />
      <input type="hidden" name="days" value={days} />
      <label htmlFor={noteId} className="block text-sm font-medium">
        研判意见<span className="text-red-600">*</span>
        <span className="ml-2 font-normal text-slate-500">
          {REVIEW_NOTE_MIN}–{REVIEW_NOTE_MAX} 字，将作为内部办理记录写入每件工单
        </span>
      </label>
      <textarea
        // Remounted after each answer so that it shows the note the server returned.
        key={state ? `${state.note}\u0000${failed ? "failed" : "ok"}` : "new"}
        id={noteId}
        name="note"
        rows={3}
        required
        aria-required
        aria-invalid={failed?.errors.some((e) => e.field === "note") || undefined}
        maxLength={REVIEW_NOTE_MAX}
        defaultValue={state?.note ?? ""}
        placeholder="例如：已交一大队会同市政部门排查该路口信号配时，下周反馈"
        className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:outline-none"
      />
      {failed && <FieldErrors errors={failed.errors} field="note" />}
      {failed && (
        <p role="alert" className="text-sm text-red-700" data-testid="form-error">
          {[failed.message, ...loose].join("：")}
        </p>
      )}
      {state?.result.ok && (
        <p role="status" className="text-sm text-emerald-700">
          已标记为已研判
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "正在保存…" : again ? "重新研判" : "标记已研判"}
      </button>
    </form>
  );
}
