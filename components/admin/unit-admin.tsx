"use client";

import { useState } from "react";
import { createUnitAction, updateUnitAction } from "@/app/(staff)/admin/units/actions";
import type { UnitRow } from "@/lib/dal/admin/units";
import { UNIT_KIND_LABELS } from "@/lib/domain/labels";
import { UNIT_KINDS } from "@/lib/validation/admin";
import { ActiveBadge, adminInput, EmptyRow, Field, FormMessage, primaryButton, tableClass, tdClass, thClass, theadClass } from "./ui";
import { useAdminAction } from "./use-admin-action";

type Parent = { code: string; name: string };

function readUnitForm(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  return {
    code: text("code"),
    name: text("name"),
    kind: text("kind"),
    parentCode: text("parentCode"),
    district: text("district"),
    active: data.get("active") === "on",
  };
}

function UnitFields({ unit, parents, districts, errors }: { unit: UnitRow | null; parents: Parent[]; districts: string[]; errors: ReturnType<typeof useAdminAction>["errors"] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Field label="单位代码" field="code" errors={errors} hint={unit ? "创建后不可修改" : "大写字母开头，例如 ZQ5、ZQ5-1；创建后不可修改"}>
        <input name="code" defaultValue={unit?.code ?? ""} readOnly={!!unit} className={`${adminInput} ${unit ? "bg-slate-100 text-slate-500" : ""}`} maxLength={16} />
      </Field>
      <Field label="单位名称" field="name" errors={errors}>
        <input name="name" defaultValue={unit?.name ?? ""} className={adminInput} maxLength={40} />
      </Field>
      <Field label="类别" field="kind" errors={errors}>
        <select name="kind" defaultValue={unit?.kind ?? "BRIGADE"} className={adminInput}>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {UNIT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="上级单位" field="parentCode" errors={errors} hint="中队的上级为大队；大队和指挥中心的上级为支队">
        <select name="parentCode" defaultValue={unit?.parentCode ?? ""} className={adminInput}>
          <option value="">无</option>
          {parents
            .filter((p) => p.code !== unit?.code)
            .map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}（{p.code}）
              </option>
            ))}
        </select>
      </Field>
      <Field label="辖区" field="district" errors={errors}>
        <select name="district" defaultValue={unit?.district ?? ""} className={adminInput}>
          <option value="">无</option>
          {districts.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
      </Field>
      <div className="text-sm">
        <label className="mt-7 flex items-center gap-2">
          <input type="checkbox" name="active" defaultChecked={unit?.active ?? true} /> 启用
        </label>
        {errors.filter((e) => e.field === "active").map((e) => (
          <p key={e.message} className="mt-1 text-red-700" data-testid="error-active">
            {e.message}
          </p>
        ))}
      </div>
    </div>
  );
}

export function UnitAdmin({ units, districts }: { units: UnitRow[]; districts: string[] }) {
  const create = useAdminAction();
  const [formKey, setFormKey] = useState(0);
  const parents = units.filter((u) => u.kind === "DETACHMENT" || u.kind === "BRIGADE");

  return (
    <div className="space-y-4">
      <details className="rounded-2xl border border-slate-200 bg-white p-5">
        <summary className="cursor-pointer text-lg font-semibold">新建单位</summary>
        <form
          key={formKey}
          onSubmit={(e) => {
            e.preventDefault();
            const input = readUnitForm(e.currentTarget);
            create.run(() => createUnitAction(input), (u) => {
              setFormKey((k) => k + 1);
              return `已新建单位 ${u.code}`;
            });
          }}
          className="mt-3 space-y-3"
          noValidate
        >
          <UnitFields unit={null} parents={parents} districts={districts} errors={create.errors} />
          <FormMessage notice={create.notice} />
          <button type="submit" disabled={create.pending} className={primaryButton}>
            新建
          </button>
        </form>
      </details>

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className={tableClass}>
          <thead className={theadClass}>
            <tr>
              <th className={thClass}>代码</th>
              <th className={thClass}>名称</th>
              <th className={thClass}>类别</th>
              <th className={thClass}>上级单位</th>
              <th className={thClass}>辖区</th>
              <th className={thClass}>在用人员</th>
              <th className={thClass}>启用规则</th>
              <th className={thClass}>状态</th>
              <th className={thClass}>编辑</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {units.length === 0 && <EmptyRow colSpan={9}>还没有单位</EmptyRow>}
            {units.map((u) => (
              <tr key={u.id} data-testid="unit-row" className={u.active ? "" : "text-slate-500"}>
                <td className={`${tdClass} font-mono`}>{u.code}</td>
                <td className={tdClass}>{u.name}</td>
                <td className={`${tdClass} whitespace-nowrap`}>{UNIT_KIND_LABELS[u.kind]}</td>
                <td className={tdClass}>{u.parentName ?? "—"}</td>
                <td className={tdClass}>{u.district ?? "—"}</td>
                <td className={tdClass}>{u.activeUsers}</td>
                <td className={tdClass}>{u.activeRules}</td>
                <td className={tdClass}>
                  <ActiveBadge active={u.active} />
                </td>
                <td className={tdClass}>
                  <UnitEditor unit={u} parents={parents} districts={districts} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function UnitEditor({ unit, parents, districts }: { unit: UnitRow; parents: Parent[]; districts: string[] }) {
  const { pending, errors, notice, run } = useAdminAction();
  return (
    <details>
      <summary className="cursor-pointer text-brand-600">编辑</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const input = readUnitForm(e.currentTarget);
          run(() => updateUnitAction(unit.id, input), () => `已保存 ${unit.code}`);
        }}
        className="mt-2 w-[min(44rem,85vw)] space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
        noValidate
      >
        <UnitFields unit={unit} parents={parents} districts={districts} errors={errors} />
        <FormMessage notice={notice} />
        <button type="submit" disabled={pending} className={primaryButton}>
          保存
        </button>
      </form>
    </details>
  );
}
