import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { UserRow } from "@/lib/dal/admin/users";
import { formatDateTime } from "@/lib/format";
import type { UnitOption } from "./role-unit-select";
import { ActiveBadge, EmptyRow, tableClass, tdClass, thClass, theadClass } from "./ui";
import { UserActions } from "./user-actions";

export function UserTable({ users, units, selfId }: { users: UserRow[]; units: UnitOption[]; selfId: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className={tableClass}>
        <thead className={theadClass}>
          <tr>
            <th className={thClass}>用户名</th>
            <th className={thClass}>姓名</th>
            <th className={thClass}>角色</th>
            <th className={thClass}>所属单位</th>
            <th className={thClass}>状态</th>
            <th className={thClass}>最近登录</th>
            <th className={thClass}>管理</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.length === 0 && <EmptyRow colSpan={7}>没有符合条件的账户</EmptyRow>}
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row" className={u.active ? "" : "text-slate-500"}>
              <td className={`${tdClass} font-mono`}>{u.username}</td>
              <td className={tdClass}>
                {u.displayName}
                {u.phone && <span className="block text-xs text-slate-500">{u.phone}</span>}
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>{ROLE_LABELS[u.role]}</td>
              <td className={tdClass}>{u.unitName ?? "—"}</td>
              <td className={`${tdClass} whitespace-nowrap`}>
                <ActiveBadge active={u.active} on="在用" />
                {u.locked && (
                  <span className="ml-1 rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800" title={`有来源地址须等到 ${formatDateTime(u.lockedUntil)} 才能再试`}>
                    登录受限
                  </span>
                )}
                {!u.locked && u.failedLogins > 0 && <span className="ml-1 text-xs text-amber-700">失败 {u.failedLogins} 次</span>}
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(u.lastLoginAt)}</td>
              <td className={tdClass}>
                <UserActions user={u} units={units} isSelf={u.id === selfId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
