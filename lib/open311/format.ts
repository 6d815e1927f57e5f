// Open311 GeoReport v2 answers in JSON or XML, chosen by the path suffix (`services.json`,
// `requests.xml`). The XML follows the spec's shapes: a list root with one element per item
// (`<services><service>…`), and nested lists wrapped the same way (`<attributes><attribute>…`).
import { XMLBuilder } from "fast-xml-parser";

export const OPEN311_FORMATS = ["json", "xml"] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

/** `services.json` → { name: "services", format: "json" }; null for any other suffix. */
export function parseResourceFile(file: string): { name: string; format: Open311Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  if (!match) return null;
  return { name: match[1]!, format: match[2] as Open311Format };
}

/** What an endpoint answers: a list (JSON array) or one object (the service definition). */
export type Open311Document =
  | { root: "services"; items: object[] }
  | { root: "service_requests"; items: object[] }
  | { root: "service_requests_updates"; items: object[] }
  | { root: "errors"; items: object[] }
  | { root: "service_definition"; value: object };

/** The element name of one item of each list, for XML. */
const ITEM_OF: Record<string, string> = {
  services: "service",
  service_requests: "request",
  service_requests_updates: "request_update",
  errors: "error",
  attributes: "attribute",
  values: "value",
};

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
const builder = new XMLBuilder({ format: true, suppressEmptyNode: true });

/** JSON arrays become `<key><item>…</item>…</key>`; null becomes an empty element. */
function xmlShape(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    const item = ITEM_OF[key ?? ""] ?? "item";
    return { [item]: value.map((v) => xmlShape(v)) };
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlShape(v, k)]));
  }
  return value;
}

export function toXml(document: Open311Document): string {
  const content = "items" in document ? document.items : document.value;
  return XML_DECLARATION + builder.build({ [document.root]: xmlShape(content, document.root) });
}

export function toJson(document: Open311Document): string {
  return JSON.stringify("items" in document ? document.items : document.value);
}

export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: "application/json; charset=utf-8",
  xml: "text/xml; charset=utf-8",
};

export function renderDocument(format: Open311Format, document: Open311Document): { body: string; contentType: string } {
  return { body: format === "xml" ? toXml(document) : toJson(document), contentType: CONTENT_TYPES[format] };
}

/**
 * An instant in the W3C profile of ISO 8601 that GeoReport v2 asks for, in the hotline's local
 * time (Asia/Shanghai, UTC+8 all year): 2026-01-15T08:30:00+08:00.
 */
export function w3cDateTime(instant: Date | null | undefined): string | null {
  if (!instant) return null;
  const wall = new Date(instant.getTime() + 8 * 60 * 60 * 1000).toISOString();
  return `${wall.slice(0, 19)}+08:00`;
}
