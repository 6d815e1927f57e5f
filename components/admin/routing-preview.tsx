"use client";

import type { RoutingPreview, RoutingPreviewDecision } from "@/lib/dal/admin/routing-rules";
import { MAX_CONTENT_CHARS } from "@/lib/domain/ticket-text";
import type { FieldError } from "@/lib/errors";
import { adminInput, Field, FormMessage, secondaryButton, type FormNotice } from "./ui";

export type Sample = { categoryCode: string; subCategory: string; district: string; place: string; content: string };

function Decision({ title, decision, testId }: { title: string; decision: RoutingPreviewDecision; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3" data-testid={testId}>
      <p className="text-xs text-slate-500">{title}</p>
      <p className="mt-0.5 text-base font-semibold" data-testid={`${testId}-unit`}>
        {decision.matched ? `派往 ${decision.unitName ?? decision.unitCode}（${decision.unitCode}）` : "转指挥中心人工派单"}
        {decision.byDraft && <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs font-medium text-brand-700">由本草稿决定</span>}
      </p>
      <p className="mt-1 text-sm text-slate-700" data-testid={`${testId}-reason`}>
        {decision.reason}
      </p>
    </div>
  );
}

/** "Which unit would this ticket go to, and why": a sample ticket routed with and without the draft. */
export function RoutingPreviewPanel({
  sample,
  onSample,
  categories,
  districts,
  ruleCategoryName,
  preview,
  errors,
  notice,
  pending,
  onPreview,
}: {
  sample: Sample;
  onSample: (sample: Sample) => void;
  categories: { code: string; name: string; subCategories: string[] }[];
  districts: string[];
  ruleCategoryName: string | null;
  preview: RoutingPreview | null;
  errors: FieldError[];
  notice: FormNotice;
  pending: boolean;
  onPreview: () => void;
}) {
  const set = (key: keyof Sample) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    onSample({ ...sample, [key]: e.target.value, ...(key === "categoryCode" ? { subCategory: "" } : {}) });
  const subCategories = categories.find((c) => c.code === sample.categoryCode)?.subCategories ?? [];

  return (
    <section className="space-y-3 rounded-2xl border border-brand-100 bg-brand-50/40 p-5" aria-label="分派预览" data-testid="rule-preview">
      <div>
        <h2 className="text-lg font-semibold">分派预览</h2>
        <p className="text-sm text-slate-600">
          填一个样例工单，看看按“现有启用规则 + 左侧草稿”会派给哪个单位、为什么。编辑已有规则时，草稿替代它已保存的版本。预览不会保存任何内容。
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="样例分类" field="sample.categoryCode" errors={errors}>
          <select value={sample.categoryCode} onChange={set("categoryCode")} className={adminInput} name="sample.categoryCode">
            <option value="">{ruleCategoryName ? `同规则（${ruleCategoryName}）` : "请选择"}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="样例子分类" field="sample.subCategory" errors={errors}>
          <select value={sample.subCategory} onChange={set("subCategory")} className={adminInput} name="sample.subCategory" disabled={!subCategories.length}>
            <option value="">无</option>
            {subCategories.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <Field label="样例辖区" field="sample.district" errors={errors}>
          <select value={sample.district} onChange={set("district")} className={adminInput} name="sample.district">
            <option value="">未填写</option>
            {districts.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="样例地点" field="sample.place" errors={errors}>
        <input value={sample.place} onChange={set("place")} className={adminInput} name="sample.place" maxLength={100} placeholder="例如 人民路与解放路交叉口" />
      </Field>
      <Field label="样例诉求内容" field="sample.content" errors={errors}>
        <textarea value={sample.content} onChange={set("content")} className={adminInput} name="sample.content" rows={3} maxLength={MAX_CONTENT_CHARS} />
      </Field>
      <button type="button" onClick={onPreview} disabled={pending} className={secondaryButton}>
        {pending ? "正在计算…" : "预览分派"}
      </button>
      <FormMessage notice={notice} />
      {preview && (
        <div className="space-y-2" data-testid="preview-result">
          <Decision title={`按草稿「${preview.draftName}」和现有规则`} decision={preview.withDraft} testId="preview-draft" />
          <Decision title="按已保存的规则（不含草稿）" decision={preview.current} testId="preview-current" />
          <p className={`text-sm ${preview.changed ? "font-medium text-amber-800" : "text-slate-600"}`}>
            {preview.changed ? "保存这条草稿会改变此类工单的承办单位。" : "保存这条草稿不会改变此样例的承办单位。"}
          </p>
        </div>
      )}
    </section>
  );
}
