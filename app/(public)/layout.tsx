import Link from "next/link";
import { PublicAccount } from "@/components/public-account";
import { currentActor } from "@/lib/auth/session";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-y-1 px-4 py-3">
          <Link href="/" className="text-lg font-semibold">
            示例市公安交管 · 接诉即办
          </Link>
          <PublicAccount actor={actor} />
        </div>
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">{children}</main>
      <footer className="border-t border-slate-200 py-4 text-center text-xs text-slate-500">
        示例市公安局交通警察支队 · 接诉即办、首问负责、一单到底
      </footer>
    </div>
  );
}
