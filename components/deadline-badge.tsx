import type { DeadlineFlag } from "@/lib/domain/overdue";

const BADGES = {
  NEAR: { label: "临期", className: "bg-amber-100 text-amber-800" },
  OVERDUE: { label: "超期", className: "bg-red-600 text-white" },
} as const;

/** 临期 / 超期 beside a deadline (DOMAIN.md §5); nothing while it is comfortably in time or met. */
export function DeadlineBadge({ flag, testId }: { flag: DeadlineFlag; testId?: string }) {
  if (flag !== "NEAR" && flag !== "OVERDUE") return null;
  const badge = BADGES[flag];
  return (
    <span data-testid={testId} data-flag={flag} className={`ml-2 rounded px-1.5 py-0.5 text-xs font-medium ${badge.className}`}>
      {badge.label}
    </span>
  );
}
