import "server-only";
import { AppError, Invalid, type FieldError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { storageUnavailable } from "@/lib/storage/health";

/** What a server action hands back to its form: serialisable, with Chinese messages. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; message: string; errors: FieldError[]; status: number };

/** Runs an action body and maps typed errors once (STYLE.md rule 5). */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (thrown) {
    const error = storageUnavailable(thrown) ?? thrown;
    if (error instanceof Invalid) return { ok: false, message: error.message, errors: error.errors, status: 400 };
    if (error instanceof AppError) return { ok: false, message: error.message, errors: [], status: error.status };
    logger.error({ err: error }, "unexpected error in server action");
    return { ok: false, message: "系统繁忙，请稍后再试", errors: [], status: 500 };
  }
}
