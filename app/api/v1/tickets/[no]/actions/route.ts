import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { performAction } from "@/lib/dal/workflow/perform";
import { route } from "@/lib/http";
import { jsonBody } from "@/lib/http-body";

/** POST {"action": …, "version": n, …}: one workflow step (DOMAIN.md §7); answers the ticket. */
export const POST = route(async (request: Request, { params }: { params: Promise<{ no: string }> }) => {
  const actor = await requireActor(request);
  const { no } = await params;
  return NextResponse.json(await performAction(actor, no, await jsonBody(request)));
});
