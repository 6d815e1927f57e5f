import "server-only";
import { Invalid } from "@/lib/errors";

/** The JSON body of a request, or a 400 that says the body is not JSON. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new Invalid([{ field: "_", message: "请求体不是有效的 JSON" }]);
  }
}
