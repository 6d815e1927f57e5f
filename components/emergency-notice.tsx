import { PhoneCall } from "lucide-react";

/** Emergencies are not hotline business (DOMAIN.md §5): every intake surface points to 122. */
export function EmergencyNotice({ compact = false }: { compact?: boolean }) {
  return (
    <div role="note" className="flex items-start gap-3 rounded-xl border border-red-200 bg-red-50 p-4 text-red-800">
      <PhoneCall aria-hidden className="mt-0.5 size-5 shrink-0" />
      <p className={compact ? "text-sm" : "text-base"}>
        <strong>紧急情况请立即拨打 122。</strong>
        {compact ? "" : "正在发生的交通事故、道路上的危险情况不适用本平台，请直接报警，以免延误处置。"}
      </p>
    </div>
  );
}
