"use client";

import { useState } from "react";
import { addSubCategoryAction, setSubCategoryActiveAction, updateCategoryAction } from "@/app/(staff)/admin/categories/actions";
import type { CategoryRow } from "@/lib/dal/admin/categories";
import { ActiveBadge, adminInput, dangerButton, Field, FormMessage, primaryButton, secondaryButton } from "./ui";
import { useAdminAction } from "./use-admin-action";

export function CategoryCard({ category }: { category: CategoryRow }) {
  const edit = useAdminAction();
  const subs = useAdminAction();
  const [subKey, setSubKey] = useState(0);

  return (
    <section className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5" data-testid="category-card">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">
          {category.name} <span className="font-mono text-sm font-normal text-slate-500">{category.code}</span>
        </h2>
        <ActiveBadge active={category.active} />
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const text = (name: string) => String(data.get(name) ?? "");
          const input = { name: text("name"), description: text("description"), example: text("example"), active: data.get("active") === "on" };
          edit.run(() => updateCategoryAction(category.code, input), () => `已保存「${input.name}」`);
        }}
        className="space-y-3"
        noValidate
      >
        <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
          <Field label="名称" field="name" errors={edit.errors}>
            <input name="name" defaultValue={category.name} className={adminInput} maxLength={20} />
          </Field>
          <Field label="说明" field="description" errors={edit.errors}>
            <input name="description" defaultValue={category.description} className={adminInput} maxLength={100} />
          </Field>
        </div>
        <Field label="示例（受理表单上的一句话示例）" field="example" errors={edit.errors}>
          <input name="example" defaultValue={category.example} className={adminInput} maxLength={100} />
        </Field>
        <div className="flex flex-wrap items-center gap-4">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="active" defaultChecked={category.active} /> 启用
          </label>
          <span className="text-xs text-slate-500">{category.activeRules} 条启用的分派规则</span>
          <button type="submit" disabled={edit.pending} className={`${primaryButton} ml-auto`}>
            保存
          </button>
        </div>
        <FormMessage notice={edit.notice} />
      </form>

      <div className="border-t border-slate-100 pt-3">
        <h3 className="mb-2 text-sm font-semibold">子分类</h3>
        {category.subCategories.length === 0 && <p className="text-sm text-slate-500">暂无子分类</p>}
        <ul className="flex flex-wrap gap-2">
          {category.subCategories.map((s) => (
            <li key={s.id} className={`flex items-center gap-2 rounded-lg border px-2 py-1 text-sm ${s.active ? "border-slate-300" : "border-dashed border-slate-300 text-slate-500"}`}>
              {s.name}
              <button
                type="button"
                disabled={subs.pending}
                onClick={() => subs.run(() => setSubCategoryActiveAction(s.id, !s.active), () => `已${s.active ? "停用" : "启用"}子分类「${s.name}」`)}
                className={`${s.active ? dangerButton : secondaryButton} px-2 py-0.5 text-xs`}
              >
                {s.active ? "停用" : "启用"}
              </button>
            </li>
          ))}
        </ul>
        <form
          key={subKey}
          onSubmit={(e) => {
            e.preventDefault();
            const name = String(new FormData(e.currentTarget).get("name") ?? "");
            subs.run(() => addSubCategoryAction(category.code, { name }), (created) => {
              setSubKey((k) => k + 1);
              return `已添加子分类「${created.name}」`;
            });
          }}
          className="mt-3 flex items-start gap-2"
          noValidate
        >
          <div className="flex-1">
            <Field label="添加子分类" field="name" errors={subs.errors}>
              <input name="name" className={adminInput} maxLength={30} placeholder="例如 信号灯配时" />
            </Field>
          </div>
          <button type="submit" disabled={subs.pending} className={`${secondaryButton} mt-6`}>
            添加
          </button>
        </form>
        {subs.errors.filter((e) => e.field === "active").map((e) => (
          <p key={e.message} className="mt-1 text-sm text-red-700">
            {e.message}
          </p>
        ))}
        <div className="mt-2">
          <FormMessage notice={subs.notice} />
        </div>
      </div>
    </section>
  );
}
