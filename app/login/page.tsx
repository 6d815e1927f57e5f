import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { homePathFor, safeCallbackPath } from "@/lib/auth/home";
import { currentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const actor = await currentActor();
  if (actor) redirect(safeCallbackPath(callbackUrl) ?? homePathFor(actor.role));

  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-10">
      <Link href="/" className="mb-6 text-center text-sm text-brand-600">
        ← 返回首页
      </Link>
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-bold">登录</h1>
        <p className="mb-6 text-sm text-slate-500">民警、坐席和管理人员使用工作账号；群众使用注册手机号。</p>
        <LoginForm callbackPath={safeCallbackPath(callbackUrl) ?? "/login"} />
      </div>
      <p className="mt-4 text-center text-sm text-slate-600">
        群众没有账号？<Link href="/register" className="text-brand-600 underline">注册</Link>
      </p>
    </main>
  );
}
