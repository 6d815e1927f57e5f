import type { Metadata } from "next";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { UserTable } from "@/components/admin/user-table";
import { adminInput, secondaryButton } from "@/components/admin/ui";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/dal/admin/users";
import { reference } from "@/lib/dal/reference";
import { userFilterSchema } from "@/lib/validation/admin";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "用户" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireAdminPage();
  const filter = userFilterSchema.parse(await searchParams);
  const [{ items, total, limit }, ref] = await Promise.all([listUsers(actor, filter), reference()]);
  // Staff belong to internal units; external departments only assist and have no accounts.
  const units = ref.units.filter((u) => u.active && u.kind !== "EXTERNAL").map((u) => ({ code: u.code, name: u.name, kind: u.kind }));

  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">用户</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          工作人员账户由管理员创建；群众账户由群众用手机号自行注册，这里只能停用、启用、重置密码或解除锁定。连续 5 次登录失败的账户会被锁定 15 分钟。
        </p>
      </section>
      <UserCreateForm units={units} />
      <section className="space-y-2">
        <form method="get" className="flex flex-wrap items-end gap-2 rounded-xl border border-slate-200 bg-white p-3 text-sm" aria-label="筛选用户">
          <label>
            <span className="mb-1 block text-slate-600">角色</span>
            <select name="role" defaultValue={filter.role ?? ""} className={adminInput}>
              <option value="">全部</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="mb-1 block text-slate-600">单位</span>
            <select name="unit" defaultValue={filter.unit ?? ""} className={adminInput}>
              <option value="">全部</option>
              {units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label className="min-w-56 flex-1">
            <span className="mb-1 block text-slate-600">用户名、姓名或完整手机号</span>
            <input name="q" defaultValue={filter.q ?? ""} className={adminInput} maxLength={50} />
          </label>
          <button type="submit" className={secondaryButton}>
            筛选
          </button>
        </form>
        <p className="text-sm text-slate-500" data-testid="user-total">
          共 {total} 个账户{total > limit ? `，显示前 ${limit} 个，请用筛选缩小范围` : ""}
        </p>
        <UserTable users={items} units={units} selfId={actor.userId} />
      </section>
    </div>
  );
}
