import Link from "@/components/link";
import { SignOutButton } from "@/components/sign-out-button";
import { homePathFor } from "@/lib/auth/home";
import type { Actor } from "@/lib/auth/actor";
import { maskPhone } from "@/lib/domain/phone";

const linkClass = "rounded-lg px-3 py-2 text-sm hover:bg-white/10";

/**
 * The public header's account corner: 登录 for a visitor; for a signed-in citizen their account
 * (the phone masked, as everywhere a number is shown in passing), 我的诉求 and 退出; staff who
 * open a public page get their own home (homePathFor).
 */
export function PublicAccount({ actor }: { actor: Actor | null }) {
  if (!actor) {
    return (
      <Link href="/login" className={linkClass}>
        登录
      </Link>
    );
  }
  const citizen = actor.role === "CITIZEN";
  return (
    <nav className="flex items-center gap-1" aria-label="账户">
      {citizen && (
        <span className="px-1 text-sm text-brand-100" data-testid="public-account">
          {maskPhone(actor.phone ?? actor.username)}
        </span>
      )}
      <Link href={homePathFor(actor.role)} className={linkClass}>
        {citizen ? "我的诉求" : "工作台"}
      </Link>
      <SignOutButton />
    </nav>
  );
}
