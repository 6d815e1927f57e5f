"use client";

import Link from "@/components/link";
import { usePathname } from "next/navigation";
import { ADMIN_SECTIONS } from "./labels";


export function AdminNav() {
  const pathname = usePathname();
  const items = [{ href: "/admin", label: "概览" }, ...ADMIN_SECTIONS];
  return (
    <nav aria-label="系统管理" className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
      {items.map((item) => {
        const current = item.href === "/admin" ? pathname === "/admin" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-lg px-3 py-1.5 text-sm ${current ? "bg-brand-600 font-semibold text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
