import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { listTickets } from "@/lib/dal/tickets";
import { route } from "@/lib/http";
import { parseOrThrow } from "@/lib/validation/errors";
import { ticketQuerySchema } from "@/lib/validation/ticket-query";

export const GET = route(async (request: Request) => {
  const actor = await requireActor(request);
  const query = parseOrThrow(ticketQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listTickets(actor, query));
});
