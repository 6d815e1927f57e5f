import { cookies } from "next/headers";
import Link from "@/components/link";
import { CareModeToggle } from "@/components/care-mode-toggle";
import { PublicAccount } from "@/components/public-account";
import { currentActor } from "@/lib/auth/session";
import { CARE_MODE_COOKIE, careModeOn } from "@/lib/domain/care-mode";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  // Read on the server, so the chosen look arrives with the HTML (no small-type flash).
  const careMode = careModeOn((await cookies()).get(CARE_MODE_COOKIE)?.value);
  const actor = await currentActor();
  return (
    <div className={`flex min-h-screen flex-col ${careMode ? "care-mode" : ""}`} data-care-mode={careMode ? "on" : "off"}>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold">
            示例市公安交管 · 接诉即办
          </Link>
          <div className="flex flex-wrap items-center gap-2">
            <CareModeToggle on={careMode} />
            <PublicAccount actor={actor} />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">{children}</main>
      <footer className="border-t border-slate-200 py-4 text-center text-xs text-slate-500">
        示例市公安局交通警察支队 · 接诉即办、首问负责、一单到底
        <Link href="/open" className="ml-3 text-brand-600 underline" data-testid="open-data-link">
          数据公开
        </Link>
      </footer>
    </div>
  );
}
