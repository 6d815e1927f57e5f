import { NextResponse } from "next/server";
import { requireCaller } from "@/lib/auth/session";
import { submitTicket } from "@/lib/dal/intake";
import { scopeOf, toTicketView } from "@/lib/dal/ticket-view";
import { listTickets } from "@/lib/dal/tickets";
import { route } from "@/lib/http";
import { jsonBody } from "@/lib/http-body";
import { parseOrThrow } from "@/lib/validation/errors";
import { ticketQuerySchema } from "@/lib/validation/ticket-query";

export const GET = route(async (request: Request) => {
  const actor = await requireCaller(request);
  const query = parseOrThrow(ticketQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listTickets(actor, query));
});

export const POST = route(async (request: Request) => {
  const actor = await requireCaller(request);
  const ticket = await submitTicket(actor, await jsonBody(request), { channel: "API" });
  return NextResponse.json(toTicketView(ticket, actor, scopeOf(ticket)), { status: 201 });
});
