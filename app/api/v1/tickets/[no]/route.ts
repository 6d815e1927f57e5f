import { NextResponse } from "next/server";
import { requireCaller } from "@/lib/auth/session";
import { getTicket } from "@/lib/dal/tickets";
import { route } from "@/lib/http";

export const GET = route(async (request: Request, { params }: { params: Promise<{ no: string }> }) => {
  const actor = await requireCaller(request);
  const { no } = await params;
  return NextResponse.json(await getTicket(actor, no));
});
