import { NextResponse } from "next/server";
import { requireCaller } from "@/lib/auth/session";
import { classifyComplaint } from "@/lib/dal/classifier/classify";
import { route } from "@/lib/http";
import { jsonBody } from "@/lib/http-body";

/** 智能分类 (DOMAIN.md §7): the category, district, unit, reasons and similar tickets of some words. */
export const POST = route(async (request: Request) => {
  const caller = await requireCaller(request);
  return NextResponse.json(await classifyComplaint(caller, await jsonBody(request)));
});
