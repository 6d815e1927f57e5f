// The three fields of a place, shared by 添加地名 and a row being edited.
import { PLACE_KIND_LABELS, PLACE_KINDS } from "@/lib/domain/gazetteer";
import { MAX_PLACE_NAME_CHARS } from "@/lib/domain/gazetteer-paste";
import type { FieldError } from "@/lib/errors";
import { adminInput, Field } from "./ui";

export type PlaceValues = { name: string; district: string; kind: string };

export function placeValuesOf(form: HTMLFormElement): PlaceValues {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  return { name: text("name"), district: text("district"), kind: text("kind") };
}

export function PlaceFields({ districts, errors, initial }: { districts: readonly string[]; errors: FieldError[]; initial?: PlaceValues }) {
  return (
    <>
      <Field label="名称" field="name" errors={errors}>
        <input name="name" defaultValue={initial?.name} className={adminInput} maxLength={MAX_PLACE_NAME_CHARS} placeholder="例如 东昌路、光岳中学" />
      </Field>
      <Field label="辖区" field="district" errors={errors}>
        <select name="district" defaultValue={initial?.district ?? ""} className={adminInput}>
          <option value="" disabled>
            请选择
          </option>
          {districts.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </Field>
      <Field label="类型" field="kind" errors={errors}>
        <select name="kind" defaultValue={initial?.kind ?? "ROAD"} className={adminInput}>
          {PLACE_KINDS.map((k) => (
            <option key={k} value={k}>
              {PLACE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
