"use client";

import { ROLE_LABELS } from "@/lib/auth/permissions";
import { UNIT_KIND_LABELS } from "@/lib/domain/labels";
import type { FieldError } from "@/lib/errors";
import { ROLE_UNIT_KINDS, STAFF_ROLES, type StaffRole } from "@/lib/validation/admin";
import { adminInput, Field } from "./ui";

export type UnitOption = { code: string; name: string; kind: string };

/** Role and unit chosen together: the unit list offers only units that fit the role (the DAL checks again). */
export function RoleUnitSelect({
  role,
  unitCode,
  onChange,
  units,
  errors,
}: {
  role: StaffRole;
  unitCode: string;
  onChange: (next: { role: StaffRole; unitCode: string }) => void;
  units: UnitOption[];
  errors: FieldError[];
}) {
  const allowed: readonly string[] = ROLE_UNIT_KINDS[role];
  const fitting = units.filter((u) => allowed.includes(u.kind));
  return (
    <>
      <Field label="角色" field="role" errors={errors}>
        <select
          value={role}
          onChange={(e) => {
            const next = e.target.value as StaffRole;
            const stillFits = units.some((u) => u.code === unitCode && (ROLE_UNIT_KINDS[next] as readonly string[]).includes(u.kind));
            onChange({ role: next, unitCode: stillFits ? unitCode : "" });
          }}
          className={adminInput}
          name="role"
        >
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="所属单位"
        field="unitCode"
        errors={errors}
        hint={`${ROLE_LABELS[role]}应属于${ROLE_UNIT_KINDS[role].map((k) => UNIT_KIND_LABELS[k]).join("或")}`}
      >
        <select value={unitCode} onChange={(e) => onChange({ role, unitCode: e.target.value })} className={adminInput} name="unitCode">
          <option value="">请选择</option>
          {fitting.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}（{u.code}）
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
