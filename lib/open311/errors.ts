// GeoReport v2 errors are a list of {code, description}. Our typed errors (lib/errors.ts) map
// onto it once; an Invalid becomes one entry per field error, "<field>: <message>".
import { AppError, Invalid, Unauthenticated, type FieldError } from "@/lib/errors";

export type Open311Error = { code: number; description: string };

export const MISSING_API_KEY = "请提供有效的 api_key（用户的 API 令牌）";

export function fieldDescription(error: FieldError): string {
  return error.field && error.field !== "_" ? `${error.field}: ${error.message}` : error.message;
}

/**
 * The HTTP status and error list for a thrown error, or null for an unexpected one (the caller
 * logs it and answers a generic 500). Open311 clients know 403 for a bad key, not 401.
 */
export function toOpen311Errors(error: unknown): { status: number; errors: Open311Error[] } | null {
  if (error instanceof Invalid) {
    const errors = error.errors.length ? error.errors : [{ field: "_", message: error.message }];
    return { status: 400, errors: errors.map((e) => ({ code: 400, description: fieldDescription(e) })) };
  }
  if (error instanceof Unauthenticated) return { status: 403, errors: [{ code: 403, description: MISSING_API_KEY }] };
  if (error instanceof AppError) return { status: error.status, errors: [{ code: error.status, description: error.message }] };
  return null;
}
