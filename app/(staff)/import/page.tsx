import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ImportForm } from "@/components/import-form";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { MAX_IMPORT_BYTES } from "@/lib/dal/import-tickets";
import { reference } from "@/lib/dal/reference";
import { CATEGORY_LABELS, SATISFACTION_LABELS, TYPE_LABELS } from "@/lib/domain/labels";
import { IMPORT_CHANNELS, IMPORT_COLUMNS } from "@/lib/import";
import { importFileAction } from "./actions";

export const metadata: Metadata = { title: "导入 12345 工单" };

function Hint({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[8rem_1fr]">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="text-slate-600">{children}</dd>
    </div>
  );
}

export default async function ImportPage() {
  const actor = await requirePageActor();
  // For comfort only: importFileAction → importTickets checks again.
  if (!can(actor.role, "import:run")) forbidden();
  const owners = (await reference()).units.filter((u) => u.active && (u.kind === "BRIGADE" || u.kind === "SQUADRON"));
  const header = IMPORT_COLUMNS.join(",");
  // A BOM makes Excel open the UTF-8 template with the Chinese header intact.
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${header}\n`)}`;

  return (
    <div className="space-y-4">
      <section className="rounded-2xl border border-slate-200 bg-white p-5">
        <h1 className="text-xl font-bold">导入 12345 承办单</h1>
        <p className="mt-1 text-slate-600">
          把 12345 热线转来的承办单（含历史记录）批量导入本系统。整份文件全部通过校验才会导入，有任何一处错误都不会写入，并列出每处错误所在的行和列；
          已导入过的工单编号会自动跳过，重复导入同一文件不会新增工单。导入的历史工单不会给群众发送短信。
        </p>
      </section>

      <section className="rounded-2xl border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">文件格式</h2>
          <a href={template} download="12345承办单导入模板.csv" className="text-sm text-brand-600 hover:underline">
            下载空白模板（CSV）
          </a>
        </div>
        <p className="mt-2 text-sm text-slate-600">第一行为表头，列名和顺序如下（CSV 用英文逗号分隔；Excel 文件用第一个工作表，表头相同）：</p>
        <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-50 px-3 py-2 text-xs text-slate-800" data-testid="import-header">
          {header}
        </pre>
        <dl className="mt-3 divide-y divide-slate-100 text-sm">
          <Hint term="文件">.csv（UTF-8，可带 BOM；Excel 另存的 GBK 编码也能识别）或 .xlsx，不超过 {MAX_IMPORT_BYTES / 1024 / 1024} MB。</Hint>
          <Hint term="工单编号">12345 系统的工单号，文件内不能重复；已导入过的会跳过。</Hint>
          <Hint term="来源渠道">{[...IMPORT_CHANNELS.keys()].join("、")}</Hint>
          <Hint term="诉求类型">{Object.values(TYPE_LABELS).join("、")}</Hint>
          <Hint term="诉求分类">{Object.values(CATEGORY_LABELS).join("、")}</Hint>
          <Hint term="时间">
            YYYY-MM-DD HH:mm 或 YYYY-MM-DD HH:mm:ss（北京时间），例如 2025-03-02 08:30；未到的环节留空。各环节依次为 受理 ≤ 签收 ≤ 首次联系 ≤ 答复 ≤ 办结。
          </Hint>
          <Hint term="联系电话">11 位手机号；匿名诉求留空（匿名工单不能有回访结果）。</Hint>
          <Hint term="承办单位">
            单位代码或全称：{owners.map((u) => `${u.code} ${u.name}`).join("、")}。留空则按分派规则自动分派（辖区从诉求地点或内容中识别）；外部协作部门不能作为承办单位。
          </Hint>
          <Hint term="状态">有办结时间 → 已办结；否则有答复时间 → 已答复待回访；有签收时间 → 办理中；其余为待签收（有承办单位）或待派单。</Hint>
          <Hint term="回访结果">
            仅办结的工单填写。是否解决：是、否 或留空；满意度：{Object.values(SATISFACTION_LABELS).join("、")} 或留空。
          </Hint>
        </dl>
      </section>

      <ImportForm action={importFileAction} maxBytes={MAX_IMPORT_BYTES} />
    </div>
  );
}
