"use client";

import { useState } from "react";
import { previewPlacePasteAction, savePlacePasteAction } from "@/app/(staff)/admin/gazetteer/actions";
import type { PasteLine } from "@/lib/domain/gazetteer-paste";
import { PLACE_KIND_LABELS } from "@/lib/domain/gazetteer";
import { adminInput, Field, FormMessage, primaryButton, secondaryButton, Section, tableClass, tdClass, thClass, theadClass } from "./ui";
import { useAdminAction } from "./use-admin-action";

/** 批量添加: paste, preview every line, save only a preview with no errors (the server checks again). */
export function PlacePaste({ districts }: { districts: readonly string[] }) {
  const action = useAdminAction();
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<{ text: string; lines: PasteLine[] } | null>(null);
  const current = preview?.text === text ? preview.lines : null;
  const wrong = current?.filter((l) => !l.ok).length ?? 0;

  return (
    <Section
      title="批量添加"
      testId="place-paste"
      description={`每行一个地名：名称,辖区[,类型]。可用英文逗号、中文逗号或制表符（从表格复制）分隔；类型写 道路 或 地标，不写时以“路、街、道、巷、桥”等结尾的视为道路。辖区可选：${districts.join("、")}。先预览，全部无误才能保存，保存时全部添加或全部不添加。`}
    >
      <Field label="地名" field="text" errors={action.errors}>
        <textarea
          name="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          className={`${adminInput} font-mono`}
          placeholder={"东昌路,东城区,道路\n光岳中学，西城区，地标"}
        />
      </Field>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button
          type="button"
          disabled={action.pending}
          onClick={() => action.run(() => previewPlacePasteAction({ text }), (lines) => void setPreview({ text, lines }))}
          className={secondaryButton}
        >
          预览
        </button>
        <button
          type="button"
          disabled={action.pending || !current || current.length === 0 || wrong > 0}
          onClick={() =>
            action.run(() => savePlacePasteAction({ text }), ({ added }) => {
              setText("");
              setPreview(null);
              return `已添加 ${added} 个地名`;
            })
          }
          className={primaryButton}
        >
          保存{current && wrong === 0 ? ` ${current.length} 个地名` : ""}
        </button>
        {current && (
          <span className={`text-sm ${wrong ? "text-red-700" : "text-emerald-700"}`} data-testid="paste-summary">
            {wrong ? `${current.length} 行中 ${wrong} 行有误，请修改后重新预览` : `${current.length} 行全部无误`}
          </span>
        )}
        {preview && !current && <span className="text-sm text-slate-500">内容已修改，请重新预览</span>}
      </div>
      <div className="mt-2">
        <FormMessage notice={action.notice} />
      </div>
      {current && current.length > 0 && (
        <div className="mt-3 max-h-96 overflow-auto">
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th className={thClass}>行</th>
                <th className={thClass}>内容</th>
                <th className={thClass}>结果</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {current.map((l) => (
                <tr key={l.line} data-testid="paste-line" className={l.ok ? "" : "bg-red-50"}>
                  <td className={`${tdClass} tabular-nums text-slate-500`}>{l.line}</td>
                  <td className={`${tdClass} font-mono`}>{l.text}</td>
                  <td className={tdClass}>
                    {l.ok ? (
                      <span className="text-emerald-700">
                        ✓ {l.place.name}，{l.place.district}，{PLACE_KIND_LABELS[l.place.kind]}
                      </span>
                    ) : (
                      <span className="text-red-700">✗ {l.error}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
