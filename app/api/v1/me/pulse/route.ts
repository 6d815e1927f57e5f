import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { pulse } from "@/lib/dal/pulse";
import { route } from "@/lib/http";

/** The staff pages' poller (components/live-pulse.tsx): change mark and in-app notices. */
export const GET = route(async (request: Request) => {
  const actor = await requireActor(request);
  return NextResponse.json(await pulse(actor), { headers: { "Cache-Control": "no-store" } });
});
