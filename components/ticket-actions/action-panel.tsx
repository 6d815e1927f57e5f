"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { act } from "@/app/(staff)/tickets/[no]/actions";
import { ACTION_LABELS, type Action } from "@/lib/domain/workflow-actions";
import type { FieldError } from "@/lib/errors";
import { ActionFields, type ActionFieldOptions } from "./action-fields";

type Outcome =
  | { kind: "done"; action: Action }
  | { kind: "invalid"; message: string; errors: FieldError[] }
  | { kind: "conflict"; message: string }
  | { kind: "refused"; message: string };

type Props = {
  no: string;
  /** The version the page was rendered with: a step on anything newer is refused (409). */
  version: number;
  actions: Action[];
  options: ActionFieldOptions;
};

/** One button per step this actor may take now; each opens its own small form. */
export function ActionPanel({ no, version, actions, options }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<Action | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const [refreshing, startRefresh] = useTransition();

  function choose(action: Action) {
    setOpen(open === action ? null : action);
    if (outcome?.kind !== "conflict") setOutcome(null);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const action = formData.get("action") as Action;
    startTransition(async () => {
      const result = await act(no, formData);
      if (result.ok) {
        setOutcome({ kind: "done", action });
        setOpen(null);
        router.refresh();
      } else if (result.status === 400) {
        setOutcome({ kind: "invalid", message: result.message, errors: result.errors });
      } else if (result.status === 409) {
        setOutcome({ kind: "conflict", message: result.message });
      } else {
        setOutcome({ kind: "refused", message: result.message });
      }
    });
  }

  // 刷新 re-renders the page from the server without remounting this panel, so the open form's
  // fields keep what the officer typed and only the hidden version (and the actions) move on.
  // The stale form stays disabled until the new version has arrived.
  function refresh() {
    startRefresh(() => {
      router.refresh();
      setOutcome(null);
    });
  }

  const errors = outcome?.kind === "invalid" ? outcome.errors : [];
  const stale = outcome?.kind === "conflict" || refreshing;
  // A step the refreshed ticket no longer allows closes its form (someone else took it).
  const shown = open && actions.includes(open) ? open : null;

  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-5" aria-labelledby="ticket-actions-heading" data-testid="ticket-actions">
      <h2 id="ticket-actions-heading" className="mb-3 font-semibold">
        办理操作
      </h2>

      {outcome?.kind === "conflict" && (
        <div role="alert" data-testid="conflict" className="mb-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p>{outcome.message.replace(/[。.]$/, "")}。本次操作未保存，已填写的内容会保留。</p>
          <button type="button" onClick={refresh} className="mt-2 rounded-lg bg-amber-700 px-3 py-1.5 text-white">
            刷新
          </button>
        </div>
      )}
      {outcome?.kind === "refused" && (
        <p role="alert" data-testid="action-error" className="mb-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {outcome.message}
        </p>
      )}
      {outcome?.kind === "done" && (
        <p role="status" data-testid="action-success" className="mb-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          已完成「{ACTION_LABELS[outcome.action]}」。
        </p>
      )}

      {actions.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="no-actions">
          当前没有您可以办理的操作。
        </p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              data-testid={`action-${action}`}
              aria-expanded={open === action}
              onClick={() => choose(action)}
              className={`rounded-lg border px-3 py-1.5 text-sm ${
                open === action ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:border-brand-600"
              }`}
            >
              {ACTION_LABELS[action]}
            </button>
          ))}
        </div>
      )}

      {shown && (
        <form
          key={shown}
          onSubmit={onSubmit}
          noValidate
          aria-label={ACTION_LABELS[shown]}
          data-testid={`action-form-${shown}`}
          className="mt-4 border-t border-slate-200 pt-4"
        >
          <fieldset disabled={stale} className="space-y-3 disabled:opacity-60">
            <input type="hidden" name="action" value={shown} />
            <input type="hidden" name="version" value={version} />
            <ActionFields action={shown} options={options} errors={errors} />
            {outcome?.kind === "invalid" && errors.length === 0 && (
              <p role="alert" className="text-sm text-red-700">
                {outcome.message}
              </p>
            )}
            <div className="flex gap-2">
              <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-4 py-2 text-white disabled:opacity-60">
                {pending ? "正在提交…" : `确认${ACTION_LABELS[shown]}`}
              </button>
              <button type="button" onClick={() => setOpen(null)} className="rounded-lg border border-slate-300 px-4 py-2">
                取消
              </button>
            </div>
          </fieldset>
        </form>
      )}
    </section>
  );
}
