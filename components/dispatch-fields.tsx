"use client";

import { useState } from "react";
import { CodeOptions } from "@/components/code-options";
import { FieldErrors } from "@/components/field";
import type { DispatchAdvice } from "@/lib/dal/dispatch-advice";
import type { FieldError } from "@/lib/errors";
import { formatConfidence } from "@/lib/format";

type Option = { code: string; name: string };

/**
 * 派单's two fields, wherever a PENDING ticket is dispatched (the console's queue, the ticket
 * page): the unit, pre-selected with the classifier's suggestion and its reason, and the category,
 * which the dispatcher may correct — the model's differing opinion is offered, never applied.
 */
export function DispatchFields({
  no,
  units,
  categories,
  category,
  advice,
  errors = [],
  selectClass,
}: {
  /** Names the selects in a list of tickets (the queue); a form for one ticket leaves it out. */
  no?: string;
  units: Option[];
  categories: Option[];
  /** The ticket's category now. */
  category: string;
  advice: DispatchAdvice;
  errors?: FieldError[];
  selectClass: string;
}) {
  const [chosen, setChosen] = useState(category);
  const opinion = advice.category;
  const suggested = advice.unit && units.some((u) => u.code === advice.unit!.code) ? advice.unit : null;
  return (
    <div className="space-y-2">
      <div>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">承办单位</span>
          <select name="unit" aria-label={no && `${no} 派往单位`} className={selectClass} defaultValue={suggested?.code ?? ""}>
            <CodeOptions options={units} blank="请选择承办大队" />
          </select>
        </label>
        {suggested && (
          <p className="mt-1 text-xs text-brand-700" data-testid="dispatch-unit-advice">
            智能建议：{suggested.name}（{suggested.reason}）
          </p>
        )}
        <FieldErrors errors={errors} field="unit" />
      </div>
      <div>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">分类（可更正）</span>
          <select name="category" aria-label={no && `${no} 分类`} className={selectClass} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <CodeOptions options={categories} />
          </select>
        </label>
        {opinion && chosen !== opinion.code && (
          <p className="mt-1 flex items-center gap-2 text-xs text-amber-800" data-testid="dispatch-category-advice">
            模型判断为「{opinion.name}」（{formatConfidence(opinion.confidence)}）
            <button type="button" onClick={() => setChosen(opinion.code)} className="rounded border border-amber-400 px-1.5 py-0.5 font-medium">
              改为{opinion.name}
            </button>
          </p>
        )}
        <FieldErrors errors={errors} field="category" />
      </div>
    </div>
  );
}
