import type { Metadata } from "next";
import Link from "@/components/link";
import { OutboxTable } from "@/components/admin/outbox-table";
import { NOTIFICATION_STATUS_LABELS } from "@/components/admin/labels";
import { listOutbox, NOTIFICATION_STATUSES, OUTBOX_PAGE_SIZE, outboxCounts } from "@/lib/dal/admin/notifications";
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { requireAdminPage } from "../require-admin-page";

export const metadata: Metadata = { title: "通知发件箱" };

type Search = { status?: string; page?: string };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAdminPage();
  const search = await searchParams;
  const status = (NOTIFICATION_STATUSES as readonly string[]).includes(search.status ?? "") ? (search.status as NotificationStatus) : undefined;
  const page = Math.max(1, Number.parseInt(search.page ?? "1", 10) || 1);
  const [counts, rows] = await Promise.all([outboxCounts(actor), listOutbox(actor, { status, page })]);
  const href = (s: NotificationStatus | undefined, p = 1) => `/admin/notifications?${new URLSearchParams({ ...(s && { status: s }), ...(p > 1 && { page: String(p) }) })}`;
  const total = status ? counts[status] : Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div className="space-y-4">
      <section>
        <h1 className="text-xl font-bold">通知发件箱</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">
          受理、答复、延期等通知与工单在同一事务中写入发件箱，由后台逐条发送；失败后按 30 秒起倍增的间隔重试，共 5 次，仍失败则记为“发送失败”。
          修复网关或号码问题后可重发失败的通知。手机号已打码，评价链接的令牌不显示；已放弃发送的答复通知重发时不再带评价链接，请改为电话回访。
        </p>
      </section>
      <nav aria-label="按状态筛选" className="flex flex-wrap gap-2 text-sm">
        <Link href={href(undefined)} aria-current={!status ? "page" : undefined} className={`rounded-lg px-3 py-1.5 ${!status ? "bg-slate-800 text-white" : "bg-slate-100"}`}>
          全部
        </Link>
        {NOTIFICATION_STATUSES.map((s) => (
          <Link key={s} href={href(s)} aria-current={status === s ? "page" : undefined} className={`rounded-lg px-3 py-1.5 ${status === s ? "bg-slate-800 text-white" : "bg-slate-100"}`} data-testid={`outbox-count-${s}`}>
            {NOTIFICATION_STATUS_LABELS[s]} {counts[s]}
          </Link>
        ))}
      </nav>
      <OutboxTable rows={rows} />
      <nav aria-label="翻页" className="flex items-center gap-3 text-sm">
        {page > 1 && <Link href={href(status, page - 1)} className="underline">上一页</Link>}
        <span className="text-slate-500">
          第 {page} 页，共 {Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE))} 页
        </span>
        {page * OUTBOX_PAGE_SIZE < total && <Link href={href(status, page + 1)} className="underline">下一页</Link>}
      </nav>
    </div>
  );
}
