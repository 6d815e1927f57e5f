"use client";

import { useState } from "react";
import { saveKnowledgeAction } from "@/app/(staff)/admin/knowledge/actions";
import { CodeOptions } from "@/components/code-options";
import type { KnowledgeRow } from "@/lib/dal/knowledge";
import { formatLocalDateTime } from "@/lib/domain/local-time";
import { ActiveBadge, adminInput, Field, FormMessage, primaryButton, secondaryButton } from "./ui";
import { useAdminAction } from "./use-admin-action";

type Category = { code: string; name: string };

/** One entry's form: a new entry (entry undefined) or an edit. */
function EntryForm({ entry, categories, onDone }: { entry?: KnowledgeRow; categories: Category[]; onDone?: () => void }) {
  const action = useAdminAction();
  const [formKey, setFormKey] = useState(0);
  return (
    <form
      key={formKey}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const text = (name: string) => String(data.get(name) ?? "");
        const input = { title: text("title"), category: text("category"), keywords: text("keywords"), answer: text("answer"), active: entry ? data.get("active") === "on" : true };
        action.run(() => saveKnowledgeAction(entry?.id ?? null, input), () => {
          if (!entry) setFormKey((k) => k + 1);
          onDone?.();
          return entry ? `已保存「${input.title}」` : `已添加「${input.title}」`;
        });
      }}
      className="space-y-3"
      noValidate
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <Field label="问题（来电人怎么问）" field="title" errors={action.errors}>
          <input name="title" defaultValue={entry?.title} className={adminInput} maxLength={80} placeholder="例如 机动车年检需要带哪些材料？" />
        </Field>
        <Field label="分类" field="category" errors={action.errors}>
          <select name="category" defaultValue={entry?.categoryCode ?? ""} className={adminInput}>
            <CodeOptions options={categories} blank="不限" />
          </select>
        </Field>
      </div>
      <Field label="关键词（空格或逗号分隔，来电人的说法）" field="keywords" errors={action.errors}>
        <input name="keywords" defaultValue={entry?.keywords} className={adminInput} maxLength={200} placeholder="年审 验车 检测站" />
      </Field>
      <Field label="标准答复" field="answer" errors={action.errors}>
        <textarea name="answer" defaultValue={entry?.answer} rows={4} className={adminInput} maxLength={2000} />
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        {entry && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="active" defaultChecked={entry.active} /> 启用
          </label>
        )}
        <button type="submit" disabled={action.pending} className={`${primaryButton} ml-auto`}>
          {entry ? "保存" : "添加条目"}
        </button>
      </div>
      <FormMessage notice={action.notice} />
    </form>
  );
}

export function KnowledgeEditor({ entries, categories }: { entries: KnowledgeRow[]; categories: Category[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const categoryName = (code: string | null) => categories.find((c) => c.code === code)?.name ?? "不限";
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
      <ul className="space-y-3" aria-label="知识库条目">
        {entries.length === 0 && <li className="rounded-2xl border border-dashed border-slate-300 p-5 text-sm text-slate-500">还没有条目，请在右侧添加。</li>}
        {entries.map((e) => (
          <li key={e.id} className="rounded-2xl border border-slate-200 bg-white p-4" data-testid="knowledge-entry">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">{e.title}</h2>
              <span className="flex items-center gap-2 text-xs text-slate-500">
                {categoryName(e.categoryCode)} · 使用 {e.uses} 次 <ActiveBadge active={e.active} />
              </span>
            </div>
            {editing === e.id ? (
              <div className="mt-3">
                <EntryForm entry={e} categories={categories} onDone={() => setEditing(null)} />
                <button type="button" onClick={() => setEditing(null)} className={`${secondaryButton} mt-2`}>
                  取消
                </button>
              </div>
            ) : (
              <>
                <p className="mt-2 text-sm whitespace-pre-line text-slate-700">{e.answer}</p>
                <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                  {e.keywords && <span>关键词：{e.keywords}</span>}
                  <span>
                    {formatLocalDateTime(e.updatedAt)} {e.updatedBy ?? ""} 修改
                  </span>
                  <button type="button" onClick={() => setEditing(e.id)} className={`${secondaryButton} ml-auto px-2 py-0.5 text-xs`}>
                    编辑
                  </button>
                </p>
              </>
            )}
          </li>
        ))}
      </ul>
      <section className="h-fit rounded-2xl border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">添加条目</h2>
        <EntryForm categories={categories} />
      </section>
    </div>
  );
}
