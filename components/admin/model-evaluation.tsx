// One model's held-out evaluation: per category, the confusion matrix, the unit accuracy, and the
// figures of the model that was active when it trained, on the same tickets.
import { TRIGGER_LABELS, type ModelSummary } from "@/lib/dal/classifier/models";
import type { Evaluation } from "@/lib/domain/classifier/train";
import { CATEGORY_CODES, CATEGORY_LABELS, type CategoryCode } from "@/lib/domain/labels";
import { measuredOn, modelVerdict } from "@/lib/domain/classifier/verdict";
import { percent, share } from "./classifier-format";
import { Section, tableClass, tdClass, thClass, theadClass } from "./ui";

const label = (code: string) => CATEGORY_LABELS[code as CategoryCode] ?? code;
const unitShare = (e: Evaluation) => (e.units ? share(e.units.correct, e.units.tickets) : "—");

export function ModelEvaluation({ model }: { model: ModelSummary }) {
  const { evaluation, baseline } = model;
  return (
    <Section title={`v${model.version} 的评估`} testId="model-evaluation" description={`${TRIGGER_LABELS[model.trigger] ?? model.trigger}；评估数据：${measuredOn(model)}。`}>
      <p className="mb-4 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="model-verdict">
        {modelVerdict(model)}
      </p>

      <h3 className="mb-2 text-sm font-semibold">总体</h3>
      <div className="mb-5 max-w-xl">
        <table className={tableClass} data-testid="model-summary">
          <thead className={theadClass}>
            <tr>
              <th className={thClass}></th>
              <th className={`${thClass} text-right`}>v{model.version}</th>
              {baseline && <th className={`${thClass} text-right`}>当时启用的模型（同一批工单）</th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {(
              [
                ["评估工单", (e: Evaluation) => String(e.tickets)],
                ["首选准确率", (e: Evaluation) => percent(e.top1)],
                ["前两位准确率", (e: Evaluation) => percent(e.top2)],
                ["承办单位准确率", unitShare],
              ] as const
            )
              // The unit row only for a model that ranks units.
              .filter(([name]) => name !== "承办单位准确率" || evaluation.units)
              .map(([name, figure]) => (
              <tr key={name}>
                <th scope="row" className={`${tdClass} text-left font-medium`}>
                  {name}
                </th>
                <td className={`${tdClass} text-right tabular-nums`}>{figure(evaluation)}</td>
                {baseline && <td className={`${tdClass} text-right tabular-nums text-slate-600`}>{figure(baseline)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className="mb-2 text-sm font-semibold">各分类准确率</h3>
      <div className="mb-5 overflow-x-auto">
        <table className={tableClass} data-testid="category-accuracy">
          <thead className={theadClass}>
            <tr>
              <th className={thClass}>实际分类</th>
              <th className={`${thClass} text-right`}>评估工单</th>
              <th className={`${thClass} text-right`}>首选正确</th>
              <th className={`${thClass} text-right`}>前两位正确</th>
              {baseline && <th className={`${thClass} text-right`}>当时模型首选正确</th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {evaluation.perCategory.map((c, i) => {
              const before = baseline?.perCategory[i];
              return (
                <tr key={c.code}>
                  <th scope="row" className={`${tdClass} text-left font-medium`}>
                    {label(c.code)}
                  </th>
                  <td className={`${tdClass} text-right tabular-nums`}>{c.tickets}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>
                    {share(c.top1, c.tickets)} <span className="text-slate-600">({c.top1})</span>
                  </td>
                  <td className={`${tdClass} text-right tabular-nums`}>
                    {share(c.top2, c.tickets)} <span className="text-slate-600">({c.top2})</span>
                  </td>
                  {baseline && <td className={`${tdClass} text-right tabular-nums text-slate-600`}>{before ? share(before.top1, before.tickets) : "—"}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <ConfusionMatrix confusion={evaluation.confusion} />
    </Section>
  );
}

/** Rows: the actual category; columns: the model's first choice. The diagonal is right. */
function ConfusionMatrix({ confusion }: { confusion: number[][] }) {
  return (
    <>
      <h3 className="mb-2 text-sm font-semibold">混淆矩阵</h3>
      <p className="mb-2 text-xs text-slate-500">行为实际分类，列为模型的首选分类；对角线（绿色）为分对的工单，其余为分错的去向。</p>
      <div className="max-w-4xl overflow-x-auto">
        <table className={tableClass} data-testid="confusion-matrix">
          <thead className={theadClass}>
            <tr>
              <th className={thClass}>实际 \ 预测</th>
              {CATEGORY_CODES.map((code) => (
                <th key={code} scope="col" className={`${thClass} text-right`}>
                  {label(code)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {CATEGORY_CODES.map((actual, row) => (
              <tr key={actual}>
                <th scope="row" className={`${tdClass} text-left font-medium whitespace-nowrap`}>
                  {label(actual)}
                </th>
                {CATEGORY_CODES.map((predicted, column) => {
                  const count = confusion[row]?.[column] ?? 0;
                  const tone = row === column ? "bg-emerald-100 font-semibold text-emerald-900" : count > 0 ? "bg-red-50 text-red-800" : "text-slate-500";
                  return (
                    <td key={predicted} className={`${tdClass} text-right tabular-nums ${tone}`} data-diagonal={row === column ? "true" : undefined}>
                      {count}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
