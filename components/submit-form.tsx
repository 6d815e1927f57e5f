"use client";

import Link from "@/components/link";
import { useRef, useState, useTransition } from "react";
import { hintCategory, submitComplaint, type Receipt } from "@/app/(public)/submit/actions";
import { FieldErrors, inputClass } from "@/components/field";
import { LocationPicker } from "@/components/location-picker";
import { PhotoPicker } from "@/components/photo-picker";
import { useAnswerToWords } from "@/components/use-answer-to-words";
import type { DistrictArea } from "@/lib/domain/district-areas";
import { TICKET_TYPES, TYPE_EXAMPLES, TYPE_LABELS } from "@/lib/domain/labels";
import { MAX_PHOTOS } from "@/lib/domain/image-type";
import { MAX_CONTENT_CHARS } from "@/lib/domain/ticket-text";
import type { FieldError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { recheckField } from "@/lib/validation/complaint-recheck";

/** A description this long says enough to suggest a category (the form asks for at least 10). */
const MIN_HINT_CHARS = 10;

type Category = { code: string; name: string; description: string; example: string };

export function SubmitForm({
  categories,
  districts,
  districtAreas,
  accountPhone,
}: {
  categories: Category[];
  districts: string[];
  districtAreas: DistrictArea[];
  /** A signed-in citizen's phone, filled in for them. */
  accountPhone?: string | null;
}) {
  const [pending, startTransition] = useTransition();
  const [anonymous, setAnonymous] = useState(false);
  const [contentLength, setContentLength] = useState(0);
  const [category, setCategory] = useState("");
  // The description's category hint: asked once a description of some length is written.
  const [words, setWords] = useState({ title: "", content: "", place: "" });
  const hint = useAnswerToWords(words, contentLength >= MIN_HINT_CHARS, hintCategory);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  if (receipt) return <SubmitReceipt receipt={receipt} />;
  const typed = (field: keyof typeof words) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = e.target.value;
    setWords((w) => ({ ...w, [field]: value }));
  };

  // A field the server refused is checked again as it changes: fixed, its message goes.
  function recheck(field: string, form: HTMLFormElement | null, data = form && new FormData(form)) {
    if (!field || !data || !errors.length) return;
    const next = recheckField(errors, field, data);
    setErrors(next);
    if (!next.length) setMessage(null);
  }

  // 采用: the hint's category, chosen by the citizen's click; a refused category is checked again.
  function adopt(code: string) {
    setCategory(code);
    const data = formRef.current && new FormData(formRef.current);
    data?.set("category", code);
    recheck("category", formRef.current, data);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await submitComplaint(formData);
      if (result.ok) {
        setReceipt(result.data);
        window.scrollTo({ top: 0 });
      } else {
        setErrors(result.errors);
        setMessage(result.message);
      }
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} onChange={(e) => recheck((e.target as Partial<HTMLInputElement>).name ?? "", e.currentTarget)} className="space-y-6" noValidate>
      <fieldset className="space-y-2">
        <legend className="mb-2 font-semibold">诉求类型</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {TICKET_TYPES.map((type) => (
            <label key={type} className="flex min-h-16 cursor-pointer flex-col rounded-xl border border-slate-300 bg-white p-3 has-checked:border-brand-600 has-checked:bg-brand-50">
              <span className="flex items-center gap-2 font-medium">
                <input
                  type="radio"
                  name="type"
                  value={type}
                  defaultChecked={type === "COMPLAINT"}
                  aria-label={TYPE_LABELS[type]}
                  aria-describedby={`type-${type}-example`}
                  className="size-4"
                />
                {TYPE_LABELS[type]}
              </span>
              <span id={`type-${type}-example`} className="mt-1 text-xs text-slate-600">
                {TYPE_EXAMPLES[type]}
              </span>
            </label>
          ))}
        </div>
        <FieldErrors errors={errors} field="type" />
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="mb-2 font-semibold">诉求分类</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {categories.map((c) => (
            <label key={c.code} className="flex cursor-pointer flex-col rounded-xl border border-slate-300 bg-white p-3 has-checked:border-brand-600 has-checked:bg-brand-50">
              <span className="flex items-center gap-2 font-medium">
                <input
                  type="radio"
                  name="category"
                  value={c.code}
                  checked={category === c.code}
                  onChange={() => setCategory(c.code)}
                  aria-label={c.name}
                  aria-describedby={`category-${c.code}-example`}
                  className="size-4"
                />
                {c.name}
                <span className="text-xs font-normal text-slate-500">{c.description}</span>
              </span>
              <span id={`category-${c.code}-example`} className="mt-1 text-xs text-slate-600">
                例：{c.example}
              </span>
            </label>
          ))}
        </div>
        <FieldErrors errors={errors} field="category" />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block">
          <span className="mb-1 block font-semibold">所在辖区</span>
          <select name="district" className={inputClass} defaultValue="">
            <option value="">不清楚（由指挥中心派单）</option>
            {districts.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
          <FieldErrors errors={errors} field="district" />
        </label>
        <label className="block">
          <span className="mb-1 block font-semibold">具体地点</span>
          <input name="place" className={inputClass} placeholder="道路、路口或小区名称" maxLength={100} onChange={typed("place")} />
          <FieldErrors errors={errors} field="place" />
        </label>
      </div>
      <div>
        <LocationPicker areas={districtAreas} />
        <FieldErrors errors={errors} field="lat" />
        <FieldErrors errors={errors} field="lng" />
      </div>

      <label className="block">
        <span className="mb-1 block font-semibold">标题</span>
        <input name="title" className={inputClass} placeholder="一句话概括您的诉求" maxLength={50} onChange={typed("title")} />
        <FieldErrors errors={errors} field="title" />
      </label>

      <label className="block">
        <span className="mb-1 block font-semibold">诉求内容</span>
        <textarea
          name="content"
          rows={6}
          maxLength={MAX_CONTENT_CHARS}
          onChange={(e) => {
            setContentLength(e.target.value.trim().length);
            typed("content")(e);
          }}
          className={inputClass}
          placeholder={`请写清时间、地点和具体问题（10–${MAX_CONTENT_CHARS} 字）`}
        />
        <span className="text-xs text-slate-500">{contentLength} / {MAX_CONTENT_CHARS}</span>
        <FieldErrors errors={errors} field="content" />
      </label>
      {hint && hint.code !== category && (
        <p className="flex flex-wrap items-center gap-2 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900" role="status" data-testid="category-hint">
          您的诉求可能属于「{hint.name}」
          <button
            type="button"
            onClick={() => adopt(hint.code)}
            className="rounded-md border border-brand-600 px-2 py-0.5 font-medium text-brand-700"
          >
            采用
          </button>
        </p>
      )}

      <div>
        <p className="mb-1 font-semibold">照片（可选，最多 {MAX_PHOTOS} 张，每张不超过 5 MB）</p>
        <PhotoPicker name="photos" max={MAX_PHOTOS} onChange={() => recheck("photos", formRef.current)} />
        <FieldErrors errors={errors} field="photos" />
      </div>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">联系方式</legend>
        <label className="flex items-start gap-2">
          <input type="checkbox" name="anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} className="mt-1 size-4" />
          <span>
            匿名反映
            <span className="block text-xs text-slate-500">匿名诉求无法联系您核实情况，也无法回访和评价办理结果。</span>
          </span>
        </label>
        <FieldErrors errors={errors} field="anonymous" />
        {!anonymous && (
          <div className="grid gap-4 sm:grid-cols-2">
            <label className="block">
              <span className="mb-1 block text-sm font-medium">手机号</span>
              <input
                name="phone"
                type="tel"
                inputMode="numeric"
                autoComplete="tel"
                maxLength={11}
                defaultValue={accountPhone ?? undefined}
                className={inputClass}
                placeholder="11 位手机号，用于联系和查询"
              />
              <FieldErrors errors={errors} field="phone" />
            </label>
            <label className="block">
              <span className="mb-1 block text-sm font-medium">姓名（可选）</span>
              <input name="name" autoComplete="name" maxLength={20} className={inputClass} />
              <FieldErrors errors={errors} field="name" />
            </label>
          </div>
        )}
      </fieldset>

      {message && (
        <p role="alert" data-testid="form-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-xl bg-brand-600 px-4 py-4 text-lg font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "正在提交…" : "提交诉求"}
      </button>
    </form>
  );
}

function SubmitReceipt({ receipt }: { receipt: Receipt }) {
  return (
    <section className="space-y-4 rounded-2xl border border-emerald-200 bg-emerald-50 p-5" data-testid="receipt">
      <h2 className="text-xl font-bold text-emerald-800">诉求已受理</h2>
      <dl className="space-y-2">
        <div>
          <dt className="text-sm text-slate-500">工单编号（请记下，用于查询）</dt>
          <dd className="font-mono text-2xl font-bold" data-testid="receipt-no">
            {receipt.no}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">承办单位</dt>
          <dd data-testid="receipt-unit">{receipt.unitName ?? "指挥中心正在分派"}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">承诺办结时间</dt>
          <dd data-testid="receipt-due">{formatDateTime(receipt.dueAt)}</dd>
        </div>
      </dl>
      <Link href={`/track?no=${receipt.no}`} className="block rounded-xl bg-brand-600 px-4 py-3 text-center font-semibold text-white">
        查询办理进度
      </Link>
    </section>
  );
}
