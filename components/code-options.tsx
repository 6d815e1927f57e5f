/**
 * The `<option>`s of a select over coded things (units, categories): value = code, label = name,
 * after an optional first "any / choose" option. One rendering for every such select.
 */
export function CodeOptions({ options, blank }: { options: readonly { code: string; name: string }[]; blank?: string }) {
  return (
    <>
      {blank !== undefined && <option value="">{blank}</option>}
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </>
  );
}
