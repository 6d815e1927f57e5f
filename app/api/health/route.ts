import { NextResponse } from "next/server";
import { databaseIsReachable } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!(await databaseIsReachable())) {
    return NextResponse.json({ status: "error" }, { status: 503 });
  }
  return NextResponse.json({ status: "ok" });
}
