"use server";

import { revalidatePath } from "next/cache";
import type { ImportActionState } from "@/components/import-result";
import { requireActor } from "@/lib/auth/session";
import { importTicketsInChildProcess } from "@/lib/dal/import-process";
import { MAX_IMPORT_BYTES } from "@/lib/dal/import-tickets";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** Enough to fix a file in one pass; a file with more errors is usually the wrong file. */
const MAX_ERRORS_SHOWN = 1000;

/** Upload of a 12345 batch. A public POST endpoint like any action: importTickets authorises. */
export async function importFileAction(_previous: ImportActionState, formData: FormData): Promise<ImportActionState> {
  const file = formData.get("file");
  try {
    const actor = await requireActor();
    if (!(file instanceof File) || file.size === 0) return { status: "failed", message: "请选择要导入的 .csv 或 .xlsx 文件" };
    if (file.size > MAX_IMPORT_BYTES) {
      return { status: "failed", message: `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 上限，请拆分成几个文件分批导入` };
    }
    const result = await importTicketsInChildProcess(actor, file.name, new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) {
      return { status: "invalid", fileName: file.name, total: result.errors.length, errors: result.errors.slice(0, MAX_ERRORS_SHOWN) };
    }
    if (result.imported > 0) revalidatePath("/workbench");
    return { status: "done", fileName: file.name, imported: result.imported, skipped: result.skipped, encoding: result.encoding ?? null };
  } catch (error) {
    if (error instanceof AppError) return { status: "failed", message: error.message };
    logger.error({ err: error, file: file instanceof File ? file.name : null }, "import upload failed");
    return { status: "failed", message: "导入时发生意外错误，未导入任何工单。请稍后重试，或联系系统管理员查看日志" };
  }
}
