// Open311 GeoReport v2: every path under /api/open311/v2/ that no resource answers (a deeper
// path, a method a resource does not take). An Open311 client parses the error list it expects —
// in the format the path's suffix asks for, JSON otherwise — never Next's HTML 404 page.
import { NotFound } from "@/lib/errors";
import { OPEN311_RESOURCES, open311ErrorResponse } from "@/lib/open311/handler";
import { parseResourceFile } from "@/lib/open311/format";

async function unknown(_request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const path = (await context.params).path;
  const format = parseResourceFile(path.at(-1) ?? "")?.format ?? "json";
  return open311ErrorResponse(format, new NotFound(`没有「${path.join("/")}」这项资源，可用：${OPEN311_RESOURCES}`));
}

export const GET = unknown;
export const POST = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
