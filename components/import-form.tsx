"use client";

import { useActionState, useState } from "react";
import { ImportResult, type ImportActionState } from "@/components/import-result";

const ACCEPTED = [".csv", ".xlsx"];

/** What is wrong with the chosen file before it is sent, or null. The server checks again. */
function fileProblem(file: File | undefined, maxBytes: number): string | null {
  if (!file) return null;
  const name = file.name.toLowerCase();
  if (name.endsWith(".xls")) return "不支持旧版 Excel 文件（.xls），请在 Excel 中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后再导入";
  if (!ACCEPTED.some((ext) => name.endsWith(ext))) return "请选择 .csv 或 .xlsx 文件";
  if (file.size > maxBytes) {
    return `文件大小 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 ${maxBytes / 1024 / 1024} MB 上限，请拆分成几个文件分批导入`;
  }
  if (file.size === 0) return "文件是空的，请检查是否选错了文件";
  return null;
}

export function ImportForm({
  action,
  maxBytes,
}: {
  action: (state: ImportActionState, formData: FormData) => Promise<ImportActionState>;
  maxBytes: number;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <div className="space-y-4">
      <form action={formAction} className="rounded-2xl border border-slate-200 bg-white p-5">
        <label className="block">
          <span className="mb-1 block text-sm font-medium">选择文件（.csv 或 .xlsx，不超过 {maxBytes / 1024 / 1024} MB）</span>
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            data-testid="import-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              setProblem(fileProblem(file, maxBytes));
            }}
            className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:text-brand-700"
          />
        </label>
        {problem && (
          <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
            {problem}
          </p>
        )}
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending || !!problem}
            className="rounded-lg bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {pending ? "正在导入…" : "开始导入"}
          </button>
          {pending && <span className="text-sm text-slate-500">正在校验并写入，上万行的文件需要几秒到几十秒，请勿关闭页面</span>}
        </div>
      </form>
      {!pending && <ImportResult state={state} />}
    </div>
  );
}
