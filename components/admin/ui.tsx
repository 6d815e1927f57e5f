// Building blocks of the administration pages: one look for every form and table there.
import { FieldErrors } from "@/components/field";
import type { FieldError } from "@/lib/errors";

export const adminInput =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 py-2 text-sm focus:border-brand-600 focus:outline-none disabled:bg-slate-100 disabled:text-slate-500";
export const primaryButton =
  "rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60";
export const secondaryButton =
  "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60";
export const dangerButton =
  "rounded-lg border border-red-200 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60";
export const tableClass = "min-w-full text-sm";
export const theadClass = "bg-slate-50 text-left text-slate-500";
export const thClass = "px-3 py-2 font-medium whitespace-nowrap";
export const tdClass = "px-3 py-2 align-top";

/** A labelled form control with its field errors underneath. */
export function Field({
  label,
  hint,
  field,
  errors,
  className,
  children,
}: {
  label: string;
  hint?: React.ReactNode;
  field: string;
  errors: FieldError[];
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <label className={`block text-sm ${className ?? ""}`}>
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      {children}
      {hint && <span className="mt-1 block text-xs text-slate-500">{hint}</span>}
      <FieldErrors errors={errors} field={field} />
    </label>
  );
}

export function Section({
  title,
  description,
  actions,
  children,
  testId,
}: {
  title: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-5" data-testid={testId}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{title}</h2>
        {actions}
      </div>
      {description && <p className="-mt-2 mb-3 text-sm text-slate-600">{description}</p>}
      {children}
    </section>
  );
}

export function ActiveBadge({ active, on = "启用", off = "已停用" }: { active: boolean; on?: string; off?: string }) {
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${
        active ? "bg-emerald-100 text-emerald-800" : "bg-slate-200 text-slate-600"
      }`}
    >
      {active ? on : off}
    </span>
  );
}

export type FormNotice = { tone: "ok" | "error"; text: string } | null;

/** The outcome of the last submit: green when saved, red with the reason when refused. */
export function FormMessage({ notice }: { notice: FormNotice }) {
  if (!notice) return null;
  return notice.tone === "ok" ? (
    <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="form-success">
      {notice.text}
    </p>
  ) : (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="form-error">
      {notice.text}
    </p>
  );
}

export function EmptyRow({ colSpan, children }: { colSpan: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-6 text-center text-slate-500">
        {children}
      </td>
    </tr>
  );
}
