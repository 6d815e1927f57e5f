"use client";

import { useState } from "react";
import { createUserAction } from "@/app/(staff)/admin/users/actions";
import type { StaffRole } from "@/lib/validation/admin";
import { RoleUnitSelect, type UnitOption } from "./role-unit-select";
import { NoticeBySelect } from "./staff-contact-fields";
import { adminInput, Field, FormMessage, primaryButton } from "./ui";
import { useAdminAction } from "./use-admin-action";

export function UserCreateForm({ units }: { units: UnitOption[] }) {
  const { pending, errors, notice, run } = useAdminAction();
  const [roleUnit, setRoleUnit] = useState<{ role: StaffRole; unitCode: string }>({ role: "HANDLER", unitCode: "" });
  const [formKey, setFormKey] = useState(0);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      username: text("username"),
      displayName: text("displayName"),
      phone: text("phone"),
      email: text("email"),
      noticeBy: text("noticeBy"),
      password: text("password"),
      ...roleUnit,
    };
    run(
      () => createUserAction(input),
      (user) => {
        setFormKey((k) => k + 1);
        return `已创建账户 ${user.username}。请通过安全渠道把初始密码告知本人。`;
      },
    );
  }

  return (
    <details className="rounded-2xl border border-slate-200 bg-white p-5">
      <summary className="cursor-pointer text-lg font-semibold">新建工作人员账户</summary>
      <form key={formKey} onSubmit={submit} className="mt-3 space-y-3" noValidate autoComplete="off">
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="用户名" field="username" errors={errors} hint="小写字母开头，可含数字 . - _，例如 zq3.handler">
            <input name="username" className={adminInput} maxLength={32} />
          </Field>
          <Field label="姓名" field="displayName" errors={errors} hint="显示在工单记录中，例如 三大队 王五">
            <input name="displayName" className={adminInput} maxLength={30} />
          </Field>
          <Field label="手机号（可选）" field="phone" errors={errors}>
            <input name="phone" className={adminInput} inputMode="numeric" maxLength={20} />
          </Field>
          <Field label="电子邮箱（可选）" field="email" errors={errors}>
            <input name="email" type="email" className={adminInput} maxLength={100} />
          </Field>
          <NoticeBySelect errors={errors} />
          <RoleUnitSelect {...roleUnit} onChange={setRoleUnit} units={units} errors={errors} />
          <Field label="初始密码" field="password" errors={errors} hint="至少 8 位，同时包含字母和数字">
            <input name="password" type="password" autoComplete="new-password" className={adminInput} maxLength={64} />
          </Field>
        </div>
        <FormMessage notice={notice} />
        <button type="submit" disabled={pending} className={primaryButton}>
          创建账户
        </button>
      </form>
    </details>
  );
}
