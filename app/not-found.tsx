import Link from "@/components/link";

export default function NotFoundPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">页面不存在</h1>
      <p className="mt-2 text-slate-600">您访问的页面或工单不存在，请检查地址或编号。</p>
      <Link href="/" className="mt-6 inline-block text-brand-600 underline">
        返回首页
      </Link>
    </main>
  );
}
