import type { Metadata } from "next";
import { TrackForm } from "@/components/track-form";

export const metadata: Metadata = { title: "查询办理进度" };

export default async function TrackPage({ searchParams }: { searchParams: Promise<{ no?: string }> }) {
  const { no } = await searchParams;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">查询办理进度</h1>
      <p className="text-slate-600">请输入工单编号和提交诉求时填写的手机号。</p>
      <TrackForm initialNo={typeof no === "string" ? no.slice(0, 14) : ""} />
    </div>
  );
}
