// Open311 GeoReport v2's base address itself: not a resource; the error list names them.
import { NotFound } from "@/lib/errors";
import { OPEN311_RESOURCES, open311ErrorResponse } from "@/lib/open311/handler";

const answer = async () => open311ErrorResponse("json", new NotFound(`请在地址后加上资源，可用：${OPEN311_RESOURCES}`));

export const GET = answer;
export const POST = answer;
