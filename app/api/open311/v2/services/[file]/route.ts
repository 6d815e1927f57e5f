// Open311 GeoReport v2: services/{service_code}.json|xml — the service definition.
import { getServiceDefinition } from "@/lib/dal/open311";
import { open311MethodNotAllowed, open311Route } from "@/lib/open311/handler";

export const GET = open311Route("file", async (_request, file) => ({
  root: "service_definition",
  value: await getServiceDefinition(file.name),
}));

const notAllowed = open311MethodNotAllowed("file");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
