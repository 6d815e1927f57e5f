"use client";

import { useState, useTransition } from "react";
import { FieldErrors, inputClass } from "@/components/field";
import type { ActionResult } from "@/lib/actions/result";
import type { FieldError } from "@/lib/errors";

const RESOLVED = [
  { value: "true", label: "是" },
  { value: "false", label: "否" },
] as const;

const SATISFACTION = [
  { value: "SATISFIED", label: "满意" },
  { value: "BASIC", label: "基本满意" },
  { value: "UNSATISFIED", label: "不满意" },
] as const;

const optionClass =
  "flex flex-1 cursor-pointer items-center justify-center gap-2 rounded-xl border border-slate-300 bg-white px-3 py-3 text-base has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:font-semibold";

/**
 * The citizen's evaluation. `submit` is the server action bound to what proves the right to
 * evaluate: the one-time link's token, or the signed-in citizen's own ticket number.
 */
export function EvaluationForm({ submit }: { submit: (formData: FormData) => Promise<ActionResult<{ closed: boolean }>> }) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<{ closed: boolean } | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await submit(formData);
      setDone(result.ok ? result.data : null);
      setErrors(result.ok ? [] : result.errors);
      setMessage(result.ok ? null : result.message);
    });
  }

  if (done) {
    return (
      <section className="space-y-2 rounded-2xl border border-green-200 bg-green-50 p-5 text-green-900" data-testid="evaluation-done" role="status">
        <h2 className="text-lg font-bold">感谢您的评价！</h2>
        <p>
          {done.closed
            ? "您的评价已记录，工单已办结。"
            : "您的评价已记录。对您不满意的问题，支队领导将研究是否重新办理，结果会短信通知您。"}
        </p>
      </section>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-2xl border border-slate-200 bg-white p-5" noValidate>
      <fieldset>
        <legend className="mb-2 font-semibold">您反映的问题是否已解决？</legend>
        <div className="flex gap-3">
          {RESOLVED.map((o) => (
            <label key={o.value} className={optionClass}>
              <input type="radio" name="resolved" value={o.value} className="size-5" />
              {o.label}
            </label>
          ))}
        </div>
        <FieldErrors errors={errors} field="resolved" />
      </fieldset>
      <fieldset>
        <legend className="mb-2 font-semibold">您对办理结果是否满意？</legend>
        <div className="flex flex-col gap-3 sm:flex-row">
          {SATISFACTION.map((o) => (
            <label key={o.value} className={optionClass}>
              <input type="radio" name="satisfaction" value={o.value} className="size-5" />
              {o.label}
            </label>
          ))}
        </div>
        <FieldErrors errors={errors} field="satisfaction" />
      </fieldset>
      <label className="block">
        <span className="mb-1 block font-semibold">
          意见 <span className="font-normal text-slate-500">（选填，500 字以内）</span>
        </span>
        <textarea name="comment" rows={4} maxLength={500} className={inputClass} placeholder="您还想告诉我们的情况或建议" />
        <FieldErrors errors={errors} field="comment" />
      </label>
      {message && !errors.length && (
        <p role="alert" data-testid="form-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-xl bg-brand-600 px-4 py-3 text-lg font-semibold text-white disabled:opacity-60">
        {pending ? "正在提交…" : "提交评价"}
      </button>
    </form>
  );
}
