// A POST requests body as flat Open311 fields. The standard is form-encoded
// (`attribute[district]=东城区`); JSON is accepted too, flat or with an `attribute` object.
import { Invalid } from "@/lib/errors";
import type { Open311Fields } from "@/lib/open311/intake";

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** {attribute: {district: "东城区"}, lat: 39.9} → {"attribute[district]": "东城区", lat: "39.9"}. */
export function flattenJsonBody(body: unknown): Open311Fields {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new Invalid([{ field: "_", message: "请求体应为 JSON 对象" }]);
  }
  const fields: Open311Fields = Object.create(null);
  for (const [key, value] of Object.entries(body)) {
    if (isScalar(value)) {
      fields[key] = String(value);
    } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        if (isScalar(innerValue)) fields[`${key}[${inner}]`] = String(innerValue);
      }
    }
    // Lists (several media_url) carry nothing this service reads.
  }
  return fields;
}

/** Form fields; the first value of a repeated name wins and uploaded files are skipped. */
export function formFields(entries: Iterable<[string, FormDataEntryValue | string]>): Open311Fields {
  const fields: Open311Fields = Object.create(null);
  for (const [key, value] of entries) {
    if (typeof value === "string" && !Object.hasOwn(fields, key)) fields[key] = value;
  }
  return fields;
}

export async function readOpen311Fields(request: Request): Promise<Open311Fields> {
  const contentType = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (contentType.includes("json")) {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new Invalid([{ field: "_", message: "请求体不是有效的 JSON" }]);
    }
    return flattenJsonBody(body);
  }
  if (contentType.startsWith("multipart/form-data")) {
    try {
      return formFields(await request.formData());
    } catch {
      throw new Invalid([{ field: "_", message: "请求体不是有效的表单数据" }]);
    }
  }
  // application/x-www-form-urlencoded, the standard — also when a client sends no content type.
  return formFields(new URLSearchParams(await request.text()));
}
