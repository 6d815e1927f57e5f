"use client";

import { updateDistrictBoundaryAction } from "@/app/(staff)/admin/districts/actions";
import type { DistrictRow } from "@/lib/dal/admin/districts";
import { adminInput, Field, FormMessage, primaryButton } from "./ui";
import { useAdminAction } from "./use-admin-action";

/** One district's boundary as editable GeoJSON; the server validates it and says what to fix. */
export function DistrictBoundaryCard({ district }: { district: DistrictRow }) {
  const edit = useAdminAction();
  return (
    <section className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5" data-testid="district-card">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{district.name}</h2>
        <span className="text-xs text-slate-500">{district.summary ?? "未设置边界"}</span>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const boundary = String(new FormData(e.currentTarget).get("boundary") ?? "");
          edit.run(
            () => updateDistrictBoundaryAction(district.name, { boundary }),
            (saved) => (saved.summary ? `已保存「${district.name}」的边界：${saved.summary}` : `已清除「${district.name}」的边界`),
          );
        }}
        className="space-y-3"
        noValidate
      >
        <Field label="边界（GeoJSON）" field="boundary" errors={edit.errors}>
          <textarea
            name="boundary"
            defaultValue={district.boundary ?? ""}
            rows={8}
            spellCheck={false}
            className={`${adminInput} font-mono text-xs`}
            placeholder='{"type": "Polygon", "coordinates": [[[116.38, 39.87], [116.46, 39.87], [116.46, 39.96], [116.38, 39.87]]]}'
          />
        </Field>
        <div className="flex justify-end">
          <button type="submit" disabled={edit.pending} className={primaryButton}>
            保存边界
          </button>
        </div>
        <FormMessage notice={edit.notice} />
      </form>
    </section>
  );
}
