"use client";

import { useState } from "react";

/**
 * On a phone the filters fold away behind one button (they take a whole screen there); from the
 * sm breakpoint up they are always shown. Open from the start while a filter is in use.
 */
export function CollapsibleFilters({ active, children }: { active: boolean; children: React.ReactNode }) {
  const [open, setOpen] = useState(active);
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="workbench-filters"
        onClick={() => setOpen(!open)}
        className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm sm:hidden"
      >
        {open ? "收起筛选" : active ? "筛选（已启用）" : "筛选与搜索"}
      </button>
      <div id="workbench-filters" className={open ? "mt-2 sm:mt-0" : "hidden sm:block"}>
        {children}
      </div>
    </div>
  );
}
