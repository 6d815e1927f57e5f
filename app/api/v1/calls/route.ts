import { NextResponse } from "next/server";
import { requireCaller } from "@/lib/auth/session";
import { reportSwitchIntervals } from "@/lib/dal/switch-figures";
import { route } from "@/lib/http";
import { jsonBody } from "@/lib/http-body";

/**
 * POST /api/v1/calls {intervals: [{hour, agent?, offered, answered, abandoned}]}: a CTI
 * integration (API client with "calls:report") reports the switch's hourly figures, all or none;
 * an hour and agent reported again replaces the earlier figures. 201 once stored.
 */
export const POST = route(async (request: Request) => {
  const caller = await requireCaller(request);
  const result = await reportSwitchIntervals(caller, await jsonBody(request));
  return NextResponse.json(result, { status: 201 });
});
