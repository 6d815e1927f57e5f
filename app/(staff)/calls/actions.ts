"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { importSwitchFile, MAX_SWITCH_FILE_BYTES } from "@/lib/dal/switch-figures";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export type SwitchImportState =
  | { status: "idle" }
  | { status: "done"; fileName: string; rows: number; hours: number; agents: number }
  | { status: "invalid"; fileName: string; problems: { line: number; message: string }[] }
  | { status: "failed"; message: string };

/** Upload of the switch's hourly export: importSwitchFile authorises and stores all rows or none. */
export async function importSwitchAction(_previous: SwitchImportState, formData: FormData): Promise<SwitchImportState> {
  const file = formData.get("file");
  try {
    const actor = await requireActor();
    if (!(file instanceof File) || file.size === 0) return { status: "failed", message: "请选择交换机导出的 .csv 或 .xlsx 文件" };
    if (file.size > MAX_SWITCH_FILE_BYTES) return { status: "failed", message: `文件超过 ${MAX_SWITCH_FILE_BYTES / 1024 / 1024} MB 上限，请按月分开导出` };
    const result = await importSwitchFile(actor, file.name, new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) return { status: "invalid", fileName: file.name, problems: result.problems.slice(0, 200) };
    revalidatePath("/calls");
    return { status: "done", fileName: file.name, rows: result.rows, hours: result.hours, agents: result.agents };
  } catch (error) {
    if (error instanceof AppError) return { status: "failed", message: error.message };
    logger.error({ err: error }, "switch import failed");
    return { status: "failed", message: "导入时发生意外错误，未导入任何数据。请稍后重试，或联系系统管理员查看日志" };
  }
}
