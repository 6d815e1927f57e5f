import Link from "@/components/link";
import { WORKBENCH_TAB_LABELS, type WorkbenchTab } from "@/lib/validation/workbench";

/** Tabs with their counts; each is a link that keeps the filters (hrefFor). */
export function TabBar({
  tabs,
  current,
  counts,
  hrefFor,
}: {
  tabs: WorkbenchTab[];
  current: WorkbenchTab;
  counts: Record<WorkbenchTab, number>;
  hrefFor: (tab: WorkbenchTab) => string;
}) {
  return (
    <nav className="flex flex-wrap gap-2" aria-label="工作台分类">
      {tabs.map((tab) => {
        const active = tab === current;
        const alert = (tab === "overdue" || tab === "near") && counts[tab] > 0;
        return (
          <Link
            key={tab}
            href={hrefFor(tab)}
            aria-current={active ? "page" : undefined}
            data-testid={`tab-${tab}`}
            className={`rounded-full border px-3 py-1 text-sm ${
              active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
            }`}
          >
            {WORKBENCH_TAB_LABELS[tab]}
            <span
              className={`ml-1.5 rounded-full px-1.5 text-xs ${
                active ? "bg-white text-brand-700" : alert ? (tab === "overdue" ? "bg-red-100 text-red-700" : "bg-amber-100 text-amber-800") : "bg-slate-100 text-slate-600"
              }`}
              data-testid={`tab-count-${tab}`}
            >
              {counts[tab]}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
