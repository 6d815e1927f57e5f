import Link from "@/components/link";

export default function ForbiddenPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">无权访问</h1>
      <p className="mt-2 text-slate-600" data-testid="forbidden">
        此内容不属于您的单位或权限范围。如需协办，请联系承办单位或指挥中心。
      </p>
      <Link href="/workbench" className="mt-6 inline-block text-brand-600 underline">
        返回工作台
      </Link>
    </main>
  );
}
