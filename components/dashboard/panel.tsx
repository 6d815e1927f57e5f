import { useId } from "react";

/** A titled card of the dashboard. */
export function Panel({ title, note, children, testId }: { title: string; note?: React.ReactNode; children: React.ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-slate-200 bg-white p-4 break-inside-avoid" data-testid={testId}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {note && <div className="text-xs text-slate-500">{note}</div>}
      </div>
      {children}
    </section>
  );
}
