import type { Metadata } from "next";
import Link from "@/components/link";
import { AuditTable } from "@/components/admin/audit-table";
import { ADMIN_SECTIONS } from "@/components/admin/labels";
import { listAuditEntries } from "@/lib/dal/admin/audit";
import { requireAdminPage } from "./require-admin-page";

export const metadata: Metadata = { title: "系统管理" };

export default async function AdminPage() {
  const actor = await requireAdminPage();
  const entries = await listAuditEntries(actor, 50);
  return (
    <div className="space-y-6">
      <section>
        <h1 className="text-xl font-bold">系统管理</h1>
        <p className="mt-1 text-slate-600">每一项修改都会校验，并记录操作人、时间和修改前后的内容。</p>
      </section>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="block h-full rounded-2xl border border-slate-200 bg-white p-4 hover:border-brand-600 hover:shadow-sm"
              data-testid="admin-card"
            >
              <span className="font-semibold text-brand-700">{s.label}</span>
              <span className="mt-1 block text-sm text-slate-600">{s.description}</span>
            </Link>
          </li>
        ))}
      </ul>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">最近 50 条变更记录</h2>
        <AuditTable entries={entries} />
      </section>
    </div>
  );
}
