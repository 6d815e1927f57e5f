import type { Classification } from "@/lib/dal/classifier/classify";
import { describeDistrictGuess } from "@/lib/domain/gazetteer";
import { formatConfidence } from "@/lib/format";

type Props = {
  advice: Classification | null;
  /** The category now in the form, and whether the agent chose it (then the advice only hints). */
  category: string;
  chosenByHand: boolean;
  /** The district select's value; a district found in the words is offered only while it is empty. */
  district: string;
  onUseCategory: (code: string) => void;
  onUseDistrict: (name: string) => void;
};

/** 智能分类: what the words suggest, and why, beside the intake form. Everything in it is a suggestion. */
export function SmartAdvice({ advice, category, chosenByHand, district, onUseCategory, onUseDistrict }: Props) {
  return (
    <section className="rounded-xl border border-brand-100 bg-brand-50 p-3" aria-label="智能分类" data-testid="smart-advice">
      <h3 className="mb-2 font-semibold text-brand-900">智能分类</h3>
      {!advice ? (
        <p className="text-slate-600">填写标题、诉求内容或地点后自动给出建议</p>
      ) : (
        <AdviceBody {...{ advice, category, chosenByHand, district, onUseCategory, onUseDistrict }} />
      )}
    </section>
  );
}

function AdviceBody({ advice, category, chosenByHand, district, onUseCategory, onUseDistrict }: Props & { advice: Classification }) {
  const best = advice.category;
  const runnerUp = advice.alternatives[0];
  const guessed = advice.district && advice.district.source !== "given" ? advice.district : null;
  return (
    <div className="space-y-2">
      <p data-testid="advice-category">
        建议分类 <b>{best.name}</b> {formatConfidence(best.confidence)}
        {runnerUp && (
          <span className="text-slate-500">
            {" "}
            · 次选 {runnerUp.name} {formatConfidence(runnerUp.confidence)}
          </span>
        )}
      </p>
      {chosenByHand && category !== best.code && (
        <button type="button" onClick={() => onUseCategory(best.code)} className="rounded-md border border-brand-600 px-2 py-0.5 text-xs font-medium text-brand-700">
          改用「{best.name}」
        </button>
      )}
      {advice.reasons.length > 0 && (
        <p className="flex flex-wrap items-center gap-1" data-testid="advice-reasons">
          <span className="text-xs text-slate-500">依据</span>
          {advice.reasons.map((r) => (
            <mark key={r.text} className="rounded bg-amber-200 px-1">
              {r.text}
            </mark>
          ))}
        </p>
      )}
      {advice.unit && (
        <p data-testid="advice-unit">
          {advice.unit.source === "rule" ? `按分派规则：${advice.unit.name}` : `智能建议：${advice.unit.name}（依据${advice.unit.reason}）`}
          {category && category !== best.code && <span className="block text-xs text-slate-500">（按建议分类「{best.name}」推算，与所选分类不同）</span>}
        </p>
      )}
      {guessed && !district && (
        <button type="button" onClick={() => onUseDistrict(guessed.name)} className="rounded-md border border-brand-600 px-2 py-0.5 text-xs font-medium text-brand-700" data-testid="advice-district">
          辖区填入{guessed.name}（{describeDistrictGuess(guessed)}）
        </button>
      )}
      {advice.similar.length > 0 && (
        <div>
          <p className="text-xs text-slate-500">相似历史工单</p>
          <ul className="space-y-1">
            {advice.similar.slice(0, 3).map((s) => (
              <li key={s.no} data-testid="advice-similar">
                <a href={`/tickets/${s.no}`} target="_blank" className="font-mono text-xs text-brand-600">
                  {s.no}
                </a>{" "}
                {s.title}
                <span className="block text-xs text-slate-500">
                  {s.categoryName} · {s.unitName ?? "未分派"}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
