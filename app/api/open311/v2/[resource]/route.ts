// Open311 GeoReport v2: services.json|xml, requests.json|xml (GET and POST).
import {
  createServiceRequest,
  listServiceRequests,
  listServiceRequestUpdates,
  listServices,
  open311Actor,
  open311Reader,
  postServiceRequestUpdate,
} from "@/lib/dal/open311";
import { AppError, NotFound } from "@/lib/errors";
import { readOpen311Fields } from "@/lib/open311/body";
import { OPEN311_RESOURCES, open311MethodNotAllowed, open311Route } from "@/lib/open311/handler";
import { parseRequestsQuery, parseUpdatesQuery } from "@/lib/open311/query";

export const GET = open311Route("resource", async (request, file) => {
  if (file.name === "services") return { root: "services", items: await listServices() };
  const params = new URL(request.url).searchParams;
  if (file.name === "servicerequestupdates") {
    const reader = await open311Reader(params.get("api_key"));
    return { root: "service_requests_updates", items: await listServiceRequestUpdates(reader, parseUpdatesQuery(params, new Date())) };
  }
  if (file.name !== "requests") throw new NotFound(`没有「${file.name}」这项资源，可用：${OPEN311_RESOURCES}`);
  const reader = await open311Reader(params.get("api_key"));
  return { root: "service_requests", items: await listServiceRequests(reader, parseRequestsQuery(params, new Date())) };
});

export const POST = open311Route("resource", async (request, file) => {
  if (file.name === "services") throw new AppError("services 只能用 GET 读取", 405);
  if (file.name !== "requests" && file.name !== "servicerequestupdates") throw new NotFound(`没有「${file.name}」这项资源，可用：${OPEN311_RESOURCES}`);
  const fields = await readOpen311Fields(request);
  const caller = await open311Actor(fields.api_key ?? new URL(request.url).searchParams.get("api_key"));
  if (file.name === "servicerequestupdates") return { root: "service_requests_updates", items: await postServiceRequestUpdate(caller, fields) };
  return { root: "service_requests", items: await createServiceRequest(caller, fields) };
});

const notAllowed = open311MethodNotAllowed("resource");
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
