import { ClipboardPen, Search } from "lucide-react";
import Link from "@/components/link";
import { EmergencyNotice } from "@/components/emergency-notice";

export default function HomePage() {
  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h1 className="text-2xl font-bold">群众诉求 · 接诉即办</h1>
        <p className="text-slate-600">
          对道路交通组织、拥堵、交通执法、事故处理、车驾管业务等方面的投诉、举报、求助、咨询和建议，
          可在这里提交。诉求受理后立即分派到责任大队，由首个承办单位负责到底，办理结果将答复您并请您评价。
        </p>
      </section>

      <EmergencyNotice />

      <nav className="grid gap-4 sm:grid-cols-2" aria-label="群众服务">
        <Link
          href="/submit"
          className="flex min-h-24 items-center gap-4 rounded-2xl bg-brand-600 p-5 text-white shadow-sm hover:bg-brand-700"
        >
          <ClipboardPen aria-hidden className="size-8 shrink-0" />
          <span>
            <span className="block text-xl font-semibold">我要反映诉求</span>
            <span className="text-sm text-brand-100">投诉、举报、求助、咨询、建议</span>
          </span>
        </Link>
        <Link
          href="/track"
          className="flex min-h-24 items-center gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-600"
        >
          <Search aria-hidden className="size-8 shrink-0 text-brand-600" />
          <span>
            <span className="block text-xl font-semibold">查询办理进度</span>
            <span className="text-sm text-slate-500">凭工单编号和手机号查询</span>
          </span>
        </Link>
      </nav>

      <section className="rounded-2xl border border-slate-200 bg-white p-5 text-sm text-slate-600">
        <h2 className="mb-2 text-base font-semibold text-slate-900">办理承诺</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>诉求提交后即时分派，承办民警 1 小时内签收，24 小时内与您联系。</li>
          <li>咨询 3 个工作日、求助和建议 5 个工作日、投诉和举报 7 个工作日内办结答复。</li>
          <li>答复后请您评价“是否解决”和“满意度”，不满意的诉求将重新办理。</li>
          <li>
            已注册的群众可<Link href="/login" className="text-brand-600 underline">登录</Link>查看“我的诉求”。
          </li>
        </ul>
      </section>
    </div>
  );
}
