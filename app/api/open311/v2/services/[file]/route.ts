// Open311 GeoReport v2: services/{service_code}.json|xml — the service definition.
import { getServiceDefinition } from "@/lib/dal/open311";
import { open311Route } from "@/lib/open311/handler";

export const GET = open311Route("file", async (_request, file) => ({
  root: "service_definition",
  value: await getServiceDefinition(file.name),
}));
