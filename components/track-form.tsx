"use client";

import { useState, useTransition } from "react";
import { lookUpTicket, remindTracked, supplementTracked } from "@/app/(public)/track/actions";
import { CitizenTicketView } from "@/components/citizen-ticket";
import { FieldErrors, inputClass } from "@/components/field";
import { FollowUpPanel } from "@/components/follow-up-panel";
import type { ActionResult } from "@/lib/actions/result";
import type { TrackedTicket } from "@/lib/dal/tracking";
import type { FieldError } from "@/lib/errors";

type Proof = { no: string; phone: string };

function proofForm(proof: Proof): FormData {
  const formData = new FormData();
  formData.set("no", proof.no);
  formData.set("phone", proof.phone);
  return formData;
}

export function TrackForm({ initialNo }: { initialNo: string }) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [ticket, setTicket] = useState<TrackedTicket | null>(null);
  // The number and phone that found the ticket: they prove it is the caller's for 催办 and 补充 too.
  const [proof, setProof] = useState<Proof | null>(null);

  function show(result: ActionResult<TrackedTicket>, proven: Proof) {
    setTicket(result.ok ? result.data : null);
    setProof(result.ok ? proven : null);
    setErrors(result.ok ? [] : result.errors);
    setMessage(result.ok ? null : result.message);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const proven = { no: String(formData.get("no") ?? "").trim(), phone: String(formData.get("phone") ?? "").trim() };
    startTransition(async () => show(await lookUpTicket(formData), proven));
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

      {ticket && proof && (
        <CitizenTicketView ticket={ticket}>
          <FollowUpPanel
            canRemind={ticket.canRemind}
            canSupplement={ticket.canSupplement}
            remind={() => remindTracked(proof.no, proof.phone)}
            supplement={(formData) => supplementTracked(proof.no, proof.phone, formData)}
            onDone={() => startTransition(async () => show(await lookUpTicket(proofForm(proof)), proof))}
          />
        </CitizenTicketView>
      )}
    </div>
  );
}
