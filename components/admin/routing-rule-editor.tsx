"use client";

import { useState } from "react";
import { previewRoutingRule, saveRoutingRule, toggleRoutingRule } from "@/app/(staff)/admin/routing/actions";
import type { RoutingPreview, RoutingRuleRow } from "@/lib/dal/admin/routing-rules";
import { RoutingPreviewPanel, type Sample } from "./routing-preview";
import { RoutingRuleTable } from "./routing-rule-table";
import { adminInput, Field, FormMessage, primaryButton, secondaryButton } from "./ui";
import { useAdminAction } from "./use-admin-action";

type Category = { code: string; name: string; subCategories: string[] };
type Unit = { code: string; name: string };

type Draft = {
  name: string;
  categoryCode: string;
  subCategory: string;
  district: string;
  keyword: string;
  unitCode: string;
  priority: string;
  active: boolean;
};

const EMPTY_DRAFT: Draft = { name: "", categoryCode: "", subCategory: "", district: "", keyword: "", unitCode: "", priority: "0", active: true };
const EMPTY_SAMPLE: Sample = { categoryCode: "", subCategory: "", district: "", place: "", content: "" };

function draftOf(rule: RoutingRuleRow): Draft {
  return {
    name: rule.name,
    categoryCode: rule.categoryCode,
    subCategory: rule.subCategory ?? "",
    district: rule.district ?? "",
    keyword: rule.keyword ?? "",
    unitCode: rule.unitCode,
    priority: String(rule.priority),
    active: rule.active,
  };
}

/** The rule form, the "which unit, and why" preview beside it, and the rule list. */
export function RoutingRuleEditor({
  rules,
  categories,
  districts,
  brigades,
}: {
  rules: RoutingRuleRow[];
  categories: Category[];
  districts: string[];
  brigades: Unit[];
}) {
  const [editing, setEditing] = useState<RoutingRuleRow | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [sample, setSample] = useState<Sample>(EMPTY_SAMPLE);
  const [preview, setPreview] = useState<RoutingPreview | null>(null);
  const save = useAdminAction();
  const test = useAdminAction();
  const list = useAdminAction();

  const set = (key: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = e.target.type === "checkbox" ? (e.target as HTMLInputElement).checked : e.target.value;
    setDraft((d) => ({ ...d, [key]: value, ...(key === "categoryCode" ? { subCategory: "" } : {}) }));
    setPreview(null);
  };
  const subCategories = categories.find((c) => c.code === draft.categoryCode)?.subCategories ?? [];
  // The sample's category defaults to the rule's, the usual thing to test.
  const sampleToSend = { ...sample, categoryCode: sample.categoryCode || draft.categoryCode };

  function startEdit(rule: RoutingRuleRow | null) {
    setEditing(rule);
    setDraft(rule ? draftOf(rule) : EMPTY_DRAFT);
    setPreview(null);
    save.clear();
    test.clear();
  }

  function runPreview() {
    test.run(
      () => previewRoutingRule({ draft, sample: sampleToSend, editingId: editing?.id ?? null }),
      (data) => {
        setPreview(data);
        save.clear(); // the draft now passes validation: earlier save errors are stale
      },
    );
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    save.run(
      () => saveRoutingRule(editing?.id ?? null, draft),
      (saved) => {
        setEditing(null);
        setDraft(EMPTY_DRAFT);
        setPreview(null);
        test.clear();
        return `已保存规则「${saved.name}」`;
      },
    );
  }

  // Preview errors about the rule show on the rule's fields, like a save would.
  const errors = [...save.errors, ...test.errors.filter((e) => !e.field.startsWith("sample."))];

  return (
    <div className="space-y-4">
      <div className="grid gap-4 xl:grid-cols-2">
        <form onSubmit={submit} className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5" noValidate data-testid="rule-form">
          <div className="flex items-baseline justify-between gap-2">
            <h2 className="text-lg font-semibold">{editing ? `编辑规则「${editing.name}」` : "新建规则"}</h2>
            {editing && (
              <button type="button" onClick={() => startEdit(null)} className="text-sm text-brand-600 hover:underline">
                放弃编辑，改为新建
              </button>
            )}
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="诉求分类" field="categoryCode" errors={errors}>
              <select value={draft.categoryCode} onChange={set("categoryCode")} className={adminInput} name="categoryCode">
                <option value="">请选择</option>
                {categories.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="子分类" field="subCategory" errors={errors}>
              <select value={draft.subCategory} onChange={set("subCategory")} className={adminInput} name="subCategory" disabled={!subCategories.length}>
                <option value="">不限</option>
                {subCategories.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </Field>
            <Field label="辖区" field="district" errors={errors}>
              <select value={draft.district} onChange={set("district")} className={adminInput} name="district">
                <option value="">不限</option>
                {districts.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </Field>
            <Field label="承办单位（大队）" field="unitCode" errors={errors}>
              <select value={draft.unitCode} onChange={set("unitCode")} className={adminInput} name="unitCode">
                <option value="">请选择</option>
                {brigades.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}（{u.code}）
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label="关键词"
              field="keyword"
              errors={errors}
              className="sm:col-span-2"
              hint="在地点和诉求内容中查找，例如路名；多个关键词用 | 、 ， 分隔，任一出现即匹配。留空表示不限。"
            >
              <input value={draft.keyword} onChange={set("keyword")} className={adminInput} name="keyword" maxLength={100} />
            </Field>
            <Field label="优先级" field="priority" errors={errors} hint="同样具体的规则中，数字大的优先（-1000 至 1000）">
              <input value={draft.priority} onChange={set("priority")} className={adminInput} name="priority" inputMode="numeric" />
            </Field>
            <Field label="规则名称" field="name" errors={errors} hint="留空则按条件自动命名">
              <input value={draft.name} onChange={set("name")} className={adminInput} name="name" maxLength={60} />
            </Field>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={draft.active} onChange={set("active")} name="active" /> 启用
          </label>
          <FormMessage notice={save.notice} />
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" disabled={save.pending} className={primaryButton}>
              {editing ? "保存修改" : "保存规则"}
            </button>
            <button type="button" onClick={runPreview} disabled={test.pending} className={secondaryButton}>
              预览分派
            </button>
            <span className="text-xs text-slate-500">保存前可用右侧样例测试草稿</span>
          </div>
        </form>

        <RoutingPreviewPanel
          sample={sample}
          onSample={(next) => {
            setSample(next);
            setPreview(null);
          }}
          categories={categories}
          districts={districts}
          ruleCategoryName={categories.find((c) => c.code === draft.categoryCode)?.name ?? null}
          preview={preview}
          errors={test.errors}
          notice={test.notice}
          pending={test.pending}
          onPreview={runPreview}
        />
      </div>

      <RoutingRuleTable
        rules={rules}
        editingId={editing?.id ?? null}
        pending={list.pending}
        notice={list.notice}
        onEdit={(rule) => {
          startEdit(rule);
          window.scrollTo({ top: 0, behavior: "smooth" });
        }}
        onToggle={(rule) =>
          list.run(
            () => toggleRoutingRule(rule.id, !rule.active),
            () => `已${rule.active ? "停用" : "启用"}规则「${rule.name}」`,
          )
        }
      />
    </div>
  );
}
