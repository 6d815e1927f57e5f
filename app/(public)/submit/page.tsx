import type { Metadata } from "next";
import { EmergencyNotice } from "@/components/emergency-notice";
import { SubmitForm } from "@/components/submit-form";
import { currentActor } from "@/lib/auth/session";
import { intakeOptions } from "@/lib/dal/reference";

export const metadata: Metadata = { title: "我要反映诉求" };
export const dynamic = "force-dynamic";

export default async function SubmitPage() {
  const [options, actor] = await Promise.all([intakeOptions(), currentActor()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">我要反映诉求</h1>
      <EmergencyNotice compact />
      <SubmitForm
        categories={options.categories} districts={options.districts} districtAreas={options.districtAreas}
        accountPhone={actor?.role === "CITIZEN" ? actor.phone : null}
      />
    </div>
  );
}
