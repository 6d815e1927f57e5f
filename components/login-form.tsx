"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const password = useRef<HTMLInputElement>(null);

  // onSubmit rather than a form action: React resets a form after its action, and a user who
  // mistyped the password should not have to type the name again.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      const result = await signIn("credentials", {
        redirect: false,
        username: String(formData.get("username") ?? ""),
        password: String(formData.get("password") ?? ""),
      });
      if (!result || result.error) {
        // The server's message says how many tries are left (lib/domain/lockout.ts).
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "用户名或密码错误");
        if (password.current) {
          password.current.value = "";
          password.current.focus();
        }
        return;
      }
      router.replace(callbackPath);
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">用户名或手机号</span>
        <input
          name="username"
          autoComplete="username"
          required
          className="w-full rounded-lg border border-slate-300 px-3 py-3 text-base focus:border-brand-600 focus:outline-none"
        />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">密码</span>
        <input
          ref={password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="w-full rounded-lg border border-slate-300 px-3 py-3 text-base focus:border-brand-600 focus:outline-none"
        />
      </label>
      {error && (
        <p role="alert" data-testid="form-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
