"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { FieldError } from "@/lib/errors";
import type { FormNotice } from "./ui";

/**
 * Runs an admin server action from a form: keeps its field errors and a notice, and the
 * pending flag for disabling buttons. The actions revalidate their page, so lists refresh.
 */
export function useAdminAction() {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<FormNotice>(null);

  function run<T>(call: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => string | void) {
    startTransition(async () => {
      const result = await call();
      if (!result.ok) {
        setErrors(result.errors);
        // The field errors say what to fix; the headline lists any that no field shows.
        const loose = result.errors.filter((e) => e.field === "_").map((e) => e.message);
        setNotice({ tone: "error", text: [result.message, ...loose].join("：") });
        return;
      }
      setErrors([]);
      const text = onSuccess?.(result.data);
      setNotice(text ? { tone: "ok", text } : null);
    });
  }

  function clear() {
    setErrors([]);
    setNotice(null);
  }

  return { pending, errors, notice, run, clear, setNotice };
}
