import type { FieldError } from "@/lib/errors";

/** Messages for one field from a server action's error list. */
export function errorsFor(errors: FieldError[], field: string): string[] {
  return errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`)).map((e) => e.message);
}

export function FieldErrors({ errors, field }: { errors: FieldError[]; field: string }) {
  const messages = errorsFor(errors, field);
  if (!messages.length) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-sm text-red-700" data-testid={`error-${field}`}>
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

/** A field's box without its width, for fields that sit side by side (DateTimeInput). */
export const fieldBoxClass = "rounded-lg border border-slate-300 bg-white px-3 py-3 text-base focus:border-brand-600 focus:outline-none";
export const inputClass = `w-full ${fieldBoxClass}`;
