import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { getTicket } from "@/lib/dal/tickets";
import { route } from "@/lib/http";

export const GET = route(async (request: Request, { params }: { params: Promise<{ no: string }> }) => {
  const actor = await requireActor(request);
  const { no } = await params;
  return NextResponse.json(await getTicket(actor, no));
});
