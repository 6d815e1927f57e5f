// Wraps an Open311 route handler: reads the format from the path suffix, renders the document
// the handler returns, and maps every thrown error once to a GeoReport v2 error list.
import { NotFound, Unavailable } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { storageUnavailable } from "@/lib/storage/health";
import { toOpen311Errors } from "@/lib/open311/errors";
import { parseResourceFile, renderDocument, type Open311Document, type Open311Format } from "@/lib/open311/format";

export type ResourceFile = { name: string; format: Open311Format };

export function open311Response(format: Open311Format, document: Open311Document, status = 200): Response {
  const { body, contentType } = renderDocument(format, document);
  return new Response(body, { status, headers: { "content-type": contentType } });
}

export function open311ErrorResponse(format: Open311Format, thrown: unknown, context: Record<string, unknown> = {}): Response {
  const error = storageUnavailable(thrown) ?? thrown;
  const mapped = toOpen311Errors(error);
  if (!mapped) {
    logger.error({ err: error, ...context }, "unexpected error in Open311 handler");
    return open311Response(format, { root: "errors", items: [{ code: 500, description: "服务器内部错误，请稍后再试" }] }, 500);
  }
  const response = open311Response(format, { root: "errors", items: mapped.errors }, mapped.status);
  if (error instanceof Unavailable) response.headers.set("Retry-After", String(error.retryAfterSeconds));
  return response;
}

/**
 * A route handler for a dynamic segment holding `<name>.json` or `<name>.xml`; any other
 * suffix is 404 (answered in JSON, the format being unknown).
 */
export function open311Route<K extends string>(
  param: K,
  handler: (request: Request, file: ResourceFile) => Promise<Open311Document>,
) {
  return async (request: Request, context: { params: Promise<Record<K, string>> }): Promise<Response> => {
    const segment = (await context.params)[param];
    const file = parseResourceFile(segment);
    if (!file) return open311ErrorResponse("json", new NotFound(`不支持的地址「${segment}」，请以 .json 或 .xml 结尾`));
    try {
      return open311Response(file.format, await handler(request, file));
    } catch (error) {
      return open311ErrorResponse(file.format, error, { method: request.method, path: new URL(request.url).pathname });
    }
  };
}
