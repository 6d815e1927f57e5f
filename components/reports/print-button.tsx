"use client";

/** Opens the browser's print dialog; not printed itself. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-lg bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 print:hidden"
      data-testid="report-print-button"
    >
      打印
    </button>
  );
}
