"use client";

// A date and time as the hotline writes them (2026-10-01 09:30), whatever the browser's language:
// <input type="datetime-local"> draws mm/dd/yyyy, --:-- -- in an English browser. The date part
// is DateInput (text + the browser's calendar), the time a HH:MM text field; the form gets one
// value, "YYYY-MM-DD HH:MM", which the step's schema reads (lib/domain/workflow-actions.ts).
import { useState } from "react";
import { DateInput } from "@/components/date-input";
import { fieldBoxClass } from "@/components/field";

type Props = { name: string; id?: string };

export function DateTimeInput({ name, id }: Props) {
  const [date, setDate] = useState("");
  const [time, setTime] = useState("");
  // Half-filled stays visible to the server, which then says what is missing or wrong.
  const value = date || time ? `${date} ${time}`.trim() : "";
  return (
    <span className="inline-flex flex-wrap items-stretch gap-2">
      <DateInput id={id} className={`${fieldBoxClass} w-36`} aria-label="日期（YYYY-MM-DD）" onValueChange={setDate} />
      <input
        type="text"
        value={time}
        onChange={(e) => setTime(e.target.value)}
        aria-label="时间（HH:MM，24 小时制）"
        inputMode="numeric"
        placeholder="HH:MM"
        pattern="([01]\d|2[0-3]):[0-5]\d"
        title="时间格式 HH:MM（24 小时制），例如 09:30"
        maxLength={5}
        autoComplete="off"
        className={`${fieldBoxClass} w-24 font-mono`}
      />
      <input type="hidden" name={name} value={value} data-testid={`datetime-${name}`} />
    </span>
  );
}
