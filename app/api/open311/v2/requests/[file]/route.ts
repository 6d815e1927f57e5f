// Open311 GeoReport v2: requests/{service_request_id}.json|xml — one request, as a list.
import { getServiceRequest, open311Reader } from "@/lib/dal/open311";
import { open311MethodNotAllowed, open311Route } from "@/lib/open311/handler";

export const GET = open311Route("file", async (request, file) => {
  const reader = await open311Reader(new URL(request.url).searchParams.get("api_key"));
  return { root: "service_requests", items: await getServiceRequest(reader, file.name) };
});

const notAllowed = open311MethodNotAllowed("file");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
