"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { register } from "@/app/(public)/register/actions";
import { FieldErrors, inputClass } from "@/components/field";
import type { FieldError } from "@/lib/errors";

export function RegisterForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await register(formData);
      if (!result.ok) {
        setErrors(result.errors);
        setMessage(result.message);
        return;
      }
      await signIn("credentials", { redirect: false, username: result.data.username, password: String(formData.get("password")) });
      router.replace("/my");
      router.refresh();
    });
  }

  const fields = [
    { name: "phone", label: "手机号", type: "tel", autoComplete: "tel" },
    { name: "name", label: "称呼（可选）", type: "text", autoComplete: "name" },
    { name: "password", label: "密码（至少 8 位，含字母和数字）", type: "password", autoComplete: "new-password" },
    { name: "confirm", label: "确认密码", type: "password", autoComplete: "new-password" },
  ];
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {fields.map((f) => (
        <label key={f.name} className="block">
          <span className="mb-1 block text-sm font-medium">{f.label}</span>
          <input name={f.name} type={f.type} autoComplete={f.autoComplete} className={inputClass} />
          <FieldErrors errors={errors} field={f.name} />
        </label>
      ))}
      {message && !errors.length && (
        <p role="alert" data-testid="form-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand-600 px-4 py-3 font-semibold text-white disabled:opacity-60">
        {pending ? "正在注册…" : "注册并登录"}
      </button>
    </form>
  );
}
