import Link from "@/components/link";
import type { Actor } from "@/lib/auth/actor";
import { homePathFor } from "@/lib/auth/home";
import { can, ROLE_LABELS, type Permission } from "@/lib/auth/permissions";
import { LivePulse } from "@/components/live-pulse";
import { SignOutButton } from "@/components/sign-out-button";
import { noticeAudience } from "@/lib/domain/floor-notices";

/** Each item appears once its feature exists and the role may use it. */
const NAV_ITEMS: { href: string; label: string; permission: Permission[] }[] = [
  { href: "/workbench", label: "工作台", permission: ["ticket:read:unit", "ticket:read:all"] },
  { href: "/console", label: "受理派单", permission: ["ticket:dispatch"] },
  { href: "/calls", label: "话务", permission: ["call:read"] },
  { href: "/callbacks", label: "回访", permission: ["callback:record"] },
  { href: "/supervised", label: "督办", permission: ["ticket:supervise"] },
  { href: "/dashboard", label: "驾驶舱", permission: ["dashboard:view"] },
  { href: "/hot-issues", label: "集中反映", permission: ["ticket:supervise", "dashboard:view"] },
  { href: "/reports", label: "统计报表", permission: ["dashboard:view"] },
  { href: "/import", label: "批量导入", permission: ["import:run"] },
  { href: "/admin", label: "管理", permission: ["admin:manage"] },
];

export function StaffShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const items = NAV_ITEMS.filter((item) => item.permission.some((p) => can(actor.role, p)));
  // Roles that work tickets get live queues; those with in-app notices also the bell.
  const live = can(actor.role, "ticket:read:all") || can(actor.role, "ticket:read:unit");
  return (
    <div className="min-h-screen">
      <header className="bg-brand-900 text-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href={homePathFor(actor.role)} className="font-semibold">
            接诉即办工作平台
          </Link>
          <nav aria-label="主导航" className="flex gap-1">
            {items.map((item) => (
              <Link key={item.href} href={item.href} className="rounded-lg px-3 py-2 text-sm hover:bg-white/10">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            {live && <LivePulse bell={noticeAudience(actor.role) !== null} />}
            <span data-testid="signed-in-as">
              {/* The name, then the role and unit unless the name already says them ("系统管理员"). */}
              {[actor.displayName, ROLE_LABELS[actor.role], actor.unitName].filter((part, i, all) => part && all.indexOf(part) === i).join(" · ")}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
