import type { Metadata } from "next";
import Link from "@/components/link";
import { RegisterForm } from "@/components/register-form";

export const metadata: Metadata = { title: "群众注册" };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">注册账号</h1>
      <p className="text-sm text-slate-600">注册后，登录状态下提交的诉求会显示在“我的诉求”中。不注册也可以凭工单编号和手机号查询进度。</p>
      <div className="rounded-2xl border border-slate-200 bg-white p-5">
        <RegisterForm />
      </div>
      <p className="text-center text-sm">
        已有账号？<Link href="/login" className="text-brand-600 underline">登录</Link>
      </p>
    </div>
  );
}
