// Wraps an Open311 route handler: reads the format from the path suffix, renders the document
// the handler returns, and maps every thrown error once to a GeoReport v2 error list.
import { AppError, NotFound, Unavailable } from "@/lib/errors";
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

/** The resources, for the messages of a path or method nothing answers. */
export const OPEN311_RESOURCES = "GET services、services/{代码}、requests、requests/{编号}、servicerequestupdates，POST requests、servicerequestupdates（以 .json 或 .xml 结尾）";

/** A handler for a method the resource does not take: 405 as an Open311 error list, in the path's format. */
export function open311MethodNotAllowed<K extends string>(param: K) {
  return open311Route(param, async (request) => {
    throw new AppError(`不支持 ${request.method} 方法，可用：${OPEN311_RESOURCES}`, 405);
  });
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
