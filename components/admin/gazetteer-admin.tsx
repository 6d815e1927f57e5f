"use client";

import { Fragment, useMemo, useState } from "react";
import { createPlaceAction, deletePlaceAction, updatePlaceAction } from "@/app/(staff)/admin/gazetteer/actions";
import type { Gazetteer, PlaceRow } from "@/lib/dal/admin/gazetteer";
import { PLACE_KIND_LABELS } from "@/lib/domain/gazetteer";
import { normalisePlaceName } from "@/lib/domain/gazetteer-paste";
import { PlaceFields, placeValuesOf } from "./place-fields";
import { adminInput, dangerButton, EmptyRow, FormMessage, primaryButton, secondaryButton, Section, tableClass, tdClass, thClass, theadClass } from "./ui";
import { useAdminAction } from "./use-admin-action";

/** The list filters in the browser: a city's gazetteer is a few thousand names at most. */
export function GazetteerAdmin({ gazetteer }: { gazetteer: Gazetteer }) {
  const add = useAdminAction();
  const [addKey, setAddKey] = useState(0);
  const [query, setQuery] = useState("");
  const [district, setDistrict] = useState("");
  const districts = gazetteer.districts.map((d) => d.name);

  const shown = useMemo(() => {
    const needle = normalisePlaceName(query).toLowerCase();
    return gazetteer.places.filter((p) => (!district || p.district === district) && (!needle || p.name.toLowerCase().includes(needle)));
  }, [gazetteer.places, query, district]);

  return (
    <>
      <Section title="添加地名" testId="place-add">
        <form
          key={addKey}
          onSubmit={(e) => {
            e.preventDefault();
            const input = placeValuesOf(e.currentTarget);
            add.run(() => createPlaceAction(input), (created) => {
              setAddKey((k) => k + 1);
              return `已添加「${created.name}」（${created.district}，${PLACE_KIND_LABELS[created.kind]}）`;
            });
          }}
          className="grid items-start gap-3 sm:grid-cols-[1fr_10rem_8rem_auto]"
          noValidate
        >
          <PlaceFields districts={districts} errors={add.errors} />
          <button type="submit" disabled={add.pending} className={`${primaryButton} sm:mt-6`}>
            添加
          </button>
        </form>
        <div className="mt-2">
          <FormMessage notice={add.notice} />
        </div>
      </Section>

      <Section title={`地名（共 ${gazetteer.places.length} 个）`} testId="place-list">
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="搜索名称"
            aria-label="搜索名称"
            className={`${adminInput} max-w-xs`}
          />
          <div role="group" aria-label="按辖区筛选" className="flex flex-wrap gap-1">
            {[{ name: "", count: gazetteer.places.length }, ...gazetteer.districts].map((d) => (
              <button
                key={d.name || "all"}
                type="button"
                aria-pressed={district === d.name}
                onClick={() => setDistrict(d.name)}
                className={`rounded-full px-3 py-1 text-sm ${district === d.name ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
              >
                {d.name || "全部"} <span className="tabular-nums">{d.count}</span>
              </button>
            ))}
          </div>
          {(query || district) && <span className="text-sm text-slate-500">显示 {shown.length} 个</span>}
        </div>
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                <th className={thClass}>名称</th>
                <th className={thClass}>辖区</th>
                <th className={thClass}>类型</th>
                <th className={thClass}>操作</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shown.length === 0 && <EmptyRow colSpan={4}>{gazetteer.places.length ? "没有符合条件的地名" : "地名库为空，请添加或批量粘贴"}</EmptyRow>}
              {shown.map((p, i) => (
                <Fragment key={p.id}>
                  {p.district !== shown[i - 1]?.district && (
                    <tr className="bg-slate-50/60">
                      <th colSpan={4} scope="colgroup" className="px-3 py-1.5 text-left text-xs font-semibold text-slate-600">
                        {p.district}
                      </th>
                    </tr>
                  )}
                  <PlaceRowView place={p} districts={districts} />
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </>
  );
}

function PlaceRowView({ place, districts }: { place: PlaceRow; districts: readonly string[] }) {
  const action = useAdminAction();
  const [editing, setEditing] = useState(false);

  if (editing) {
    return (
      <tr data-testid="place-row">
        <td colSpan={4} className={tdClass}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const input = placeValuesOf(e.currentTarget);
              action.run(() => updatePlaceAction(place.id, input), () => setEditing(false));
            }}
            className="grid items-start gap-3 sm:grid-cols-[1fr_10rem_8rem_auto_auto]"
            noValidate
          >
            <PlaceFields districts={districts} errors={action.errors} initial={place} />
            <button type="submit" disabled={action.pending} className={`${primaryButton} sm:mt-6`}>
              保存
            </button>
            <button type="button" onClick={() => {
                action.clear();
                setEditing(false);
              }} className={`${secondaryButton} sm:mt-6`}>
              取消
            </button>
          </form>
          <FormMessage notice={action.notice} />
        </td>
      </tr>
    );
  }
  return (
    <tr data-testid="place-row">
      <td className={`${tdClass} font-medium`}>{place.name}</td>
      <td className={tdClass}>{place.district}</td>
      <td className={tdClass}>{PLACE_KIND_LABELS[place.kind]}</td>
      <td className={tdClass}>
        <div className="flex gap-2">
          <button type="button" onClick={() => setEditing(true)} className={`${secondaryButton} px-2 py-0.5 text-xs`}>
            编辑
          </button>
          <button
            type="button"
            disabled={action.pending}
            onClick={() => {
              if (window.confirm(`从地名库删除「${place.name}」（${place.district}）？之后写到它、没选辖区的诉求将不再按它分派。`)) {
                action.run(() => deletePlaceAction(place.id));
              }
            }}
            className={`${dangerButton} px-2 py-0.5 text-xs`}
          >
            删除
          </button>
        </div>
        <FormMessage notice={action.notice} />
      </td>
    </tr>
  );
}
