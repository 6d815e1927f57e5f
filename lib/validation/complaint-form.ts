// The citizen form's fields (我要反映诉求) as ticketInputSchema takes them: read once here, by the
// server action that stores them and by the form that re-checks a field as it changes.
function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

/** A coordinate from the form (使用我的位置): blank is absent; text that is not a number is left for the schema to refuse. */
function coordinate(formData: FormData, name: string): number | string | undefined {
  const value = text(formData, name)?.trim();
  if (!value) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

export function complaintFields(formData: FormData) {
  const anonymous = formData.get("anonymous") === "on";
  return {
    type: text(formData, "type"),
    category: text(formData, "category"),
    title: text(formData, "title"),
    content: text(formData, "content"),
    district: text(formData, "district"),
    place: text(formData, "place"),
    lat: coordinate(formData, "lat"),
    lng: coordinate(formData, "lng"),
    name: anonymous ? undefined : text(formData, "name"),
    phone: anonymous ? undefined : text(formData, "phone"),
    anonymous,
  };
}
