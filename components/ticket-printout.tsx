// 工单办理单 (A4): the ticket's particulars, its time limits and outcome, the whole history —
// public and internal steps alike, in the words the ticket page uses (describeEvent) — and the
// lines the officer and the reviewer sign by hand. Print styles: .print-report in globals.css.
import type { TicketPrintout } from "@/lib/dal/ticket-print";
import { describeEvent } from "@/lib/domain/event-text";
import { eventLabel } from "@/lib/domain/events";
import { CHANNEL_LABELS, GRADE_LABELS, SATISFACTION_LABELS, STATUS_LABELS, TYPE_LABELS, URGENCY_LABELS } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/format";

const table = "w-full border-collapse text-sm";
const th = "border border-slate-300 bg-slate-100 px-2 py-1.5 text-left font-semibold whitespace-nowrap";
const td = "border border-slate-300 px-2 py-1.5 align-top";

/** A label, its value, and whether the value is long text that takes a whole row. */
type Field = [string, React.ReactNode, "wide"?];

/** Label/value pairs, two pairs to a row; long text on a row of its own. */
function FieldsTable({ rows, testId }: { rows: Field[]; testId: string }) {
  const pairs: Field[][] = [];
  for (const row of rows) {
    const last = pairs.at(-1);
    if (row[2] !== "wide" && last?.length === 1 && last[0]![2] !== "wide") last.push(row);
    else pairs.push([row]);
  }
  return (
    <table className={table} data-testid={testId}>
      <tbody>
        {pairs.map((pair) => (
          <tr key={pair[0]![0]}>
            {pair.map(([label, value]) => (
              <FieldCells key={label} label={label} value={value} wide={pair.length === 1} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldCells({ label, value, wide }: { label: string; value: React.ReactNode; wide: boolean }) {
  return (
    <>
      <th scope="row" className={`${th} w-[15%]`}>
        {label}
      </th>
      <td className={td} colSpan={wide ? 3 : 1} data-field={label}>
        {value}
      </td>
    </>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <section className="report-section space-y-2" data-testid={testId}>
      <h2 className="text-base font-bold">{title}</h2>
      {children}
    </section>
  );
}

function evaluationText(evaluation: TicketPrintout["ticket"]["evaluation"]): string {
  if (!evaluation) return "尚未评价";
  const resolved = evaluation.resolved === null ? "" : evaluation.resolved ? "已解决，" : "未解决，";
  return `${resolved}${SATISFACTION_LABELS[evaluation.satisfaction]}（${formatDateTime(evaluation.evaluatedAt)}）`;
}

export function TicketPrintoutDocument({ printout }: { printout: TicketPrintout }) {
  const { ticket: t, organisation, squadronName, printedAt } = printout;
  const citizen = t.citizen.anonymous ? "匿名" : (t.citizen.name ?? "—");
  return (
    <article className="print-report mx-auto max-w-[210mm] space-y-5 bg-white p-8 shadow-sm print:max-w-none print:p-0 print:shadow-none" data-testid="ticket-printout">
      <header className="space-y-1 text-center">
        <p className="text-sm">{organisation}</p>
        <h1 className="text-xl font-bold tracking-widest">工单办理单</h1>
        <p className="text-sm text-slate-600">
          承办单位：<span data-testid="printout-unit">{[t.ownerUnitName ?? "待派单", squadronName].filter(Boolean).join(" · ")}</span>
          　工单编号：<span data-testid="printout-no">{t.no}</span>
        </p>
      </header>

      <Section title="一、诉求信息" testId="printout-particulars">
        <FieldsTable
          testId="printout-fields"
          rows={[
            ["诉求类型", TYPE_LABELS[t.type]],
            ["诉求分类", [t.categoryName, t.subCategory].filter(Boolean).join(" / ")],
            ["来源渠道", CHANNEL_LABELS[t.channel]],
            ["紧急程度", URGENCY_LABELS[t.urgency]],
            ["难度等级", GRADE_LABELS[t.grade]],
            ["当前状态", `${STATUS_LABELS[t.status]}${t.flags.supervised ? "（督办）" : ""}`],
            ["联系人", citizen],
            ["联系电话", t.citizen.phone ?? "—"],
            ...(t.citizen.email ? ([["电子邮箱", t.citizen.email]] as Field[]) : []),
            ["辖区 / 地点", [t.district, t.place].filter(Boolean).join(" ") || "—"],
            ["诉求标题", t.title, "wide"],
            ["诉求内容", <span key="content" className="whitespace-pre-wrap">{t.content}</span>, "wide"],
          ]}
        />
      </Section>

      <Section title="二、时限与办理结果" testId="printout-outcome">
        <FieldsTable
          testId="printout-deadlines"
          rows={[
            ["受理时间", formatDateTime(t.timestamps.receivedAt)],
            ["派单时间", formatDateTime(t.timestamps.dispatchedAt)],
            ["签收时限", formatDateTime(t.deadlines.signDueAt)],
            ["签收时间", formatDateTime(t.timestamps.signedAt)],
            ["首次联系时限", formatDateTime(t.deadlines.contactDueAt)],
            ["首次联系时间", formatDateTime(t.timestamps.firstContactAt)],
            ["办结时限", formatDateTime(t.deadlines.dueAt)],
            ["答复时间", formatDateTime(t.timestamps.repliedAt)],
            ["办结时间", formatDateTime(t.timestamps.closedAt)],
            ["承办人", t.handler?.name ?? "—"],
            ["答复内容", <span key="reply" className="whitespace-pre-wrap">{t.reply ?? "—"}</span>, "wide"],
            ["群众评价", <span key="evaluation" data-testid="printout-evaluation">{evaluationText(t.evaluation)}</span>, "wide"],
          ]}
        />
      </Section>

      <Section title="三、办理过程" testId="printout-history">
        <table className={table} data-testid="printout-events">
          <thead>
            <tr>
              {["序号", "时间", "环节", "公开", "单位 · 人员", "内容"].map((h) => (
                <th key={h} scope="col" className={th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {t.events.map((e, i) => (
              <tr key={i} data-testid="printout-event" data-visibility={e.visibility}>
                <td className={`${td} text-center tabular-nums`}>{i + 1}</td>
                <td className={`${td} whitespace-nowrap tabular-nums`}>{formatDateTime(e.at)}</td>
                <td className={`${td} whitespace-nowrap`}>{eventLabel(e.type)}</td>
                <td className={`${td} whitespace-nowrap`}>{e.visibility === "PUBLIC" ? "公开" : "内部"}</td>
                <td className={td}>{[e.unitName, e.actor].filter(Boolean).join(" · ") || "—"}</td>
                <td className={`${td} whitespace-pre-wrap`}>{describeEvent(e.type, e.payload) ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <footer className="report-section space-y-6 pt-4 text-sm" data-testid="printout-signatures">
        <div className="grid grid-cols-3 gap-6">
          {["承办人", "审核人", "日期"].map((label) => (
            <p key={label} className="flex items-end gap-2">
              <span className="whitespace-nowrap">{label}：</span>
              <span className="h-6 flex-1 border-b border-slate-900" />
            </p>
          ))}
        </div>
        <p className="text-xs text-slate-500">打印时间：{formatDateTime(printedAt)}　本单含公开及内部办理记录，仅供存档和工作会议使用。</p>
      </footer>
    </article>
  );
}
