// POST requests (GeoReport v2) → the shared ticket input (lib/validation/ticket-input.ts), and
// the schema's field errors back to the Open311 field names the client sent. Pure: the DAL
// passes in the districts and the active services.
import { TICKET_TYPES, TYPE_LABELS } from "@/lib/domain/labels";
import { findDistrictIn } from "@/lib/domain/routing";
import type { FieldError } from "@/lib/errors";
import { DEFAULT_TICKET_TYPE } from "@/lib/open311/services";

/** A request's fields under their form-encoded names (`attribute[district]`), first value wins. */
export type Open311Fields = Record<string, string>;

export type IntakeContext = {
  districts: readonly string[];
  /** The active categories, i.e. the services GET services.json lists. */
  services: readonly { code: string; name: string }[];
};

export const TITLE_LENGTH = 20;

function text(fields: Open311Fields, name: string): string | undefined {
  const value = fields[name]?.trim();
  return value ? value : undefined;
}

/**
 * Open311 has no title: FixMyStreet writes its report's title as the description's first line
 * ("title:  …"), which is used; otherwise the first 20 characters of the description stand in,
 * "…" when cut.
 */
export function titleFrom(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const fixMyStreetTitle = /^title:\s*(.+)$/m.exec(description.trimStart())?.[1];
  const source = fixMyStreetTitle && description.trimStart().startsWith("title:") ? fixMyStreetTitle : description;
  const chars = Array.from(source.replace(/\s+/g, " ").trim());
  return chars.length > TITLE_LENGTH ? `${chars.slice(0, TITLE_LENGTH).join("")}…` : chars.join("");
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The name as the citizen typed it. FixMyStreet splits the one name field at its first space
 * (`first_name` before, `last_name` after: "张 三" → 张 / 三, "Ming Wang" → Ming / Wang), so the
 * typed order is first then last — joined without a space when Chinese.
 */
export function fullName(first: string | undefined, last: string | undefined): string | undefined {
  if (!first && !last) return undefined;
  if (CJK.test(`${first ?? ""}${last ?? ""}`)) return `${first ?? ""}${last ?? ""}`;
  return [first, last].filter(Boolean).join(" ");
}

/** A number when the text is one; otherwise the text itself, so the schema says what is wrong. */
export function coordinate(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : value;
}

/** The type code for `attribute[type]`: a code, or its Chinese name as a courtesy; COMPLAINT when absent. */
export function ticketType(value: string | undefined): string {
  if (!value) return DEFAULT_TICKET_TYPE;
  const byLabel = TICKET_TYPES.find((t) => TYPE_LABELS[t] === value);
  return byLabel ?? value.toUpperCase();
}

/**
 * The raw ticket input for submitTicket. A report with neither phone, e-mail nor name is
 * anonymous (GeoReport v2 makes every contact field optional); e-mail is a contact like a phone
 * (FixMyStreet always sends one, a phone rarely); a name without either still needs one.
 * An unknown or inactive service_code is left out so the schema reports the category missing.
 */
export function toTicketInput(fields: Open311Fields, context: IntakeContext): Record<string, unknown> {
  const description = text(fields, "description");
  const address = text(fields, "address_string");
  const serviceCode = text(fields, "service_code");
  const phone = text(fields, "phone");
  const email = text(fields, "email");
  const name = text(fields, "attribute[name]") ?? fullName(text(fields, "first_name"), text(fields, "last_name"));
  return {
    type: ticketType(text(fields, "attribute[type]")),
    category: context.services.some((s) => s.code === serviceCode) ? serviceCode : undefined,
    title: titleFrom(description),
    content: description,
    district: text(fields, "attribute[district]") ?? findDistrictIn(address, context.districts) ?? undefined,
    place: address,
    lat: coordinate(text(fields, "lat")),
    lng: coordinate(text(fields, "long")),
    name,
    phone,
    email,
    anonymous: !phone && !email && !name,
  };
}

/** ticketInputSchema field → the Open311 field the value came from. */
const OPEN311_FIELD: Record<string, string> = {
  content: "description",
  title: "description",
  place: "address_string",
  lat: "lat",
  lng: "long",
  phone: "phone",
  email: "email",
  anonymous: "phone",
  category: "service_code",
  type: "attribute[type]",
  district: "attribute[district]",
};

/** The name came from attribute[name] or from first_name/last_name; blame the one that was sent. */
function open311FieldOf(schemaField: string, fields: Open311Fields): string {
  if (schemaField === "name") return text(fields, "attribute[name]") ? "attribute[name]" : "first_name";
  return OPEN311_FIELD[schemaField] ?? schemaField;
}

function serviceCodeMessage(serviceCode: string | undefined, context: IntakeContext): string {
  const options = context.services.map((s) => `${s.code}（${s.name}）`).join("、");
  return serviceCode
    ? `服务代码「${serviceCode}」不存在或已停用，可选：${options}`
    : `请填写 service_code（诉求分类代码），可选：${options}`;
}

/**
 * The schema's errors under Open311 names, one per field error. The title is derived from the
 * description, so a title error is only reported when the description itself has none.
 */
export function toOpen311FieldErrors(errors: readonly FieldError[], fields: Open311Fields, context: IntakeContext): FieldError[] {
  const descriptionFailed = errors.some((e) => e.field === "content");
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    if (error.field === "title" && descriptionFailed) continue;
    const field = open311FieldOf(error.field, fields);
    const message = error.field === "category" ? serviceCodeMessage(text(fields, "service_code"), context) : error.message;
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ field, message });
  }
  return result;
}
