"use client";

import { useState } from "react";
import { changeUserRoleAction, resetPasswordAction, setUserActiveAction, unlockUserAction, updateUserContactAction } from "@/app/(staff)/admin/users/actions";
import type { UserRow } from "@/lib/dal/admin/users";
import { STAFF_ROLES, type StaffRole } from "@/lib/validation/admin";
import { RoleUnitSelect, type UnitOption } from "./role-unit-select";
import { NoticeBySelect } from "./staff-contact-fields";
import { adminInput, dangerButton, Field, FormMessage, secondaryButton } from "./ui";
import { useAdminAction } from "./use-admin-action";

const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

/** One account's actions, folded away until needed. */
export function UserActions({ user, units, isSelf }: { user: UserRow; units: UnitOption[]; isSelf: boolean }) {
  const { pending, errors, notice, run } = useAdminAction();
  const staff = isStaffRole(user.role);
  const [roleUnit, setRoleUnit] = useState<{ role: StaffRole; unitCode: string }>({
    role: isStaffRole(user.role) ? user.role : "HANDLER",
    unitCode: user.unitCode ?? "",
  });
  const [password, setPassword] = useState("");

  return (
    <details className="min-w-48">
      <summary className="cursor-pointer text-brand-600">管理</summary>
      <div className="mt-2 w-[min(36rem,80vw)] space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
        {staff && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              run(() => changeUserRoleAction(user.id, roleUnit), () => "已保存角色和单位");
            }}
            className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_auto]"
            noValidate
          >
            <RoleUnitSelect {...roleUnit} onChange={setRoleUnit} units={units} errors={errors} />
            <button type="submit" disabled={pending} className={secondaryButton}>
              保存角色
            </button>
          </form>
        )}
        {staff && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const form = new FormData(e.currentTarget);
              // Left empty: unchanged; ticked 清除: removed.
              const change = (name: string) => (form.get(`clear-${name}`) ? "" : String(form.get(name) ?? "").trim() || undefined);
              run(() => updateUserContactAction(user.id, { phone: change("phone"), email: change("email"), noticeBy: String(form.get("noticeBy")) }), () => "已保存联系方式");
            }}
            className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_auto_auto]"
            noValidate
          >
            {/* The list shows contacts masked: enter them again to change them. */}
            <Field label="手机号" field="phone" errors={errors} hint={<ContactHint current={user.phone} name="phone" />}>
              <input name="phone" inputMode="numeric" className={adminInput} maxLength={20} placeholder="不改请留空" />
            </Field>
            <Field label="电子邮箱" field="email" errors={errors} hint={<ContactHint current={user.email} name="email" />}>
              <input name="email" type="email" className={adminInput} maxLength={100} placeholder="不改请留空" />
            </Field>
            <NoticeBySelect errors={errors} defaultValue={user.noticeBy} />
            <button type="submit" disabled={pending} className={secondaryButton}>
              保存联系方式
            </button>
          </form>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run(() => resetPasswordAction(user.id, { password }), () => {
              setPassword("");
              return "已重置密码，并解除了登录锁定。请通过安全渠道告知本人";
            });
          }}
          className="grid items-end gap-2 sm:grid-cols-[1fr_auto]"
          noValidate
        >
          <Field label="新密码" field="password" errors={errors} hint="至少 8 位，同时包含字母和数字">
            <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} className={adminInput} maxLength={64} />
          </Field>
          <button type="submit" disabled={pending} className={secondaryButton}>
            重置密码
          </button>
        </form>
        <div className="flex flex-wrap gap-2">
          {(user.locked || user.failedLogins > 0) && (
            <button type="button" disabled={pending} onClick={() => run(() => unlockUserAction(user.id), () => "已解除锁定")} className={secondaryButton}>
              解除锁定
            </button>
          )}
          {!isSelf && (
            <button
              type="button"
              disabled={pending}
              onClick={() => run(() => setUserActiveAction(user.id, !user.active), () => (user.active ? "已停用该账户" : "已启用该账户"))}
              className={user.active ? dangerButton : secondaryButton}
            >
              {user.active ? "停用账户" : "启用账户"}
            </button>
          )}
        </div>
        {errors.some((e) => e.field === "active") && <p className="text-sm text-red-700">{errors.find((e) => e.field === "active")?.message}</p>}
        <FormMessage notice={notice} />
      </div>
    </details>
  );
}

/** The current (masked) contact, and a box to remove it. */
function ContactHint({ current, name }: { current: string | null; name: string }) {
  if (!current) return <>未填写</>;
  return (
    <>
      现为 {current}
      {/* Inside the field's own label: a span, not a nested label. */}
      <span className="ml-2 inline-flex items-center gap-1">
        <input type="checkbox" name={`clear-${name}`} aria-label="清除" /> 清除
      </span>
    </>
  );
}
