"use client";

// A date field that reads and writes YYYY-MM-DD whatever the browser's language: Chromium draws
// <input type="date"> in the browser's UI locale (mm/dd/yyyy in an English browser; the lang
// attribute does not change it), while the hotline writes dates as 2026-10-01. So the field is
// text with that pattern, and a calendar button opens the browser's own date picker through a
// hidden date input that only hands its value back.
import { useRef, useState } from "react";
import { isLocalDate } from "@/lib/domain/local-time";

type Props = {
  /** The form field; none when a wrapper submits the value itself (DateTimeInput). */
  name?: string;
  defaultValue?: string;
  className?: string;
  required?: boolean;
  id?: string;
  /** Read by screen readers when the field has no <label> of its own. */
  "aria-label"?: string;
  /** Told every change of the text (a wrapper combining it with a time). */
  onValueChange?: (value: string) => void;
};

export function DateInput({ name, defaultValue = "", className, required, id, "aria-label": ariaLabel, onValueChange }: Props) {
  const [value, setState] = useState(defaultValue);
  function setValue(next: string) {
    setState(next);
    onValueChange?.(next);
  }
  const picker = useRef<HTMLInputElement>(null);

  function openPicker() {
    const input = picker.current;
    if (!input) return;
    try {
      input.showPicker();
    } catch {
      input.focus(); // browsers without showPicker(): the hidden field takes the keyboard
    }
  }

  return (
    <span className="relative inline-flex items-stretch gap-1">
      <input
        type="text"
        name={name}
        id={id}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        required={required}
        aria-label={ariaLabel}
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        pattern="\d{4}-\d{2}-\d{2}"
        title="日期格式 YYYY-MM-DD，例如 2026-10-01"
        maxLength={10}
        autoComplete="off"
        className={`${className ?? ""} font-mono`}
        data-testid={name ? `date-${name}` : undefined}
      />
      <button
        type="button"
        onClick={openPicker}
        aria-label="打开日历选择日期"
        className="rounded-md border border-slate-300 px-2 text-slate-600 hover:bg-slate-50"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
          <rect x="3" y="4.5" width="14" height="12" rx="1.5" />
          <path d="M3 8.5h14M7 3v3M13 3v3" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden
        value={isLocalDate(value) ? value : ""}
        onChange={(e) => setValue(e.target.value)}
        className="pointer-events-none absolute right-0 bottom-0 h-px w-px opacity-0"
      />
    </span>
  );
}
