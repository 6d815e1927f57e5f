import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { markNoticesRead } from "@/lib/dal/pulse";
import { route } from "@/lib/http";
import { jsonBody } from "@/lib/http-body";
import { markNoticesReadSchema } from "@/lib/validation/notices";
import { parseOrThrow } from "@/lib/validation/errors";

/** 全部标为已读. */
export const POST = route(async (request: Request) => {
  const actor = await requireActor(request);
  const { upTo } = parseOrThrow(markNoticesReadSchema, await jsonBody(request));
  await markNoticesRead(actor, upTo);
  return new NextResponse(null, { status: 204 });
});
