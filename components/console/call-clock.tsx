"use client";

import { useEffect, useState } from "react";
import { FieldErrors } from "@/components/field";
import { formatCallDuration } from "@/lib/domain/calls";
import type { FieldError } from "@/lib/errors";

/** 通话计时: from the agent's first keystroke on the call until it is saved. */
export function CallClock({ startedAt, errors }: { startedAt: Date | null; errors: FieldError[] }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);
  const seconds = startedAt ? Math.max(0, Math.round((now - startedAt.getTime()) / 1000)) : 0;
  return (
    <div className="text-right text-xs text-slate-500" aria-live="off">
      <span data-testid="call-clock">{startedAt ? `通话计时 ${formatCallDuration(seconds)}` : "开始输入即计时"}</span>
      <FieldErrors errors={errors} field="duration" />
    </div>
  );
}
