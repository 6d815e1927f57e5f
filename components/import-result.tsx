import type { ImportError } from "@/lib/import";

/** What the upload page's server action answers (serialisable). */
export type ImportActionState =
  | { status: "idle" }
  | { status: "done"; fileName: string; imported: number; skipped: number; encoding: string | null }
  | { status: "invalid"; fileName: string; total: number; errors: ImportError[] }
  | { status: "failed"; message: string };

const ENCODING_LABELS: Record<string, string> = { "utf-8": "UTF-8", gb18030: "GBK/GB18030" };

export function ImportResult({ state }: { state: ImportActionState }) {
  if (state.status === "idle") return null;
  if (state.status === "failed") {
    return (
      <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-700" data-testid="import-failed">
        {state.message}
      </p>
    );
  }
  if (state.status === "done") {
    return (
      <section role="status" className="rounded-2xl border border-emerald-200 bg-emerald-50 p-5 text-emerald-900" data-testid="import-summary">
        <h2 className="font-semibold">导入完成：{state.fileName}</h2>
        <p className="mt-1">
          导入 <strong data-testid="import-imported">{state.imported}</strong> 条，跳过已存在{" "}
          <strong data-testid="import-skipped">{state.skipped}</strong> 条，编码{" "}
          {state.encoding ? (ENCODING_LABELS[state.encoding] ?? state.encoding) : "Excel 文件（无需编码）"}
        </p>
        {state.skipped > 0 && <p className="mt-1 text-sm text-emerald-800">跳过的行其工单编号此前已导入，重复导入不会新增工单。</p>}
      </section>
    );
  }
  return (
    <section className="space-y-3" data-testid="import-errors">
      <div role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
        <strong>{state.fileName}</strong> 有 {state.total} 处错误，<strong>未导入任何工单</strong>。请按下表逐行修改后重新导入整份文件。
        {state.total > state.errors.length && `（下表列出前 ${state.errors.length} 处）`}
      </div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium whitespace-nowrap">行</th>
              <th className="px-3 py-2 font-medium whitespace-nowrap">列</th>
              <th className="px-3 py-2 font-medium">原因</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {state.errors.map((e, i) => (
              <tr key={i} data-testid="import-error-row">
                <td className="px-3 py-2 font-mono whitespace-nowrap" data-testid="import-error-line">
                  {e.line}
                </td>
                <td className="px-3 py-2 whitespace-nowrap" data-testid="import-error-column">
                  {e.column}
                </td>
                <td className="px-3 py-2">{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
