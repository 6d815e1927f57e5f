import { NextResponse } from "next/server";
import { env } from "@/lib/env";

/**
 * The framework's ceiling for the intake benchmark (bench/intake.ts): parse the JSON body and
 * answer 201, nothing else. Only served when BENCH_ROUTES=1.
 */
export async function POST(request: Request) {
  if (env().BENCH_ROUTES !== "1") return NextResponse.json({ error: "未找到" }, { status: 404 });
  const body = await request.json();
  return NextResponse.json({ received: typeof body }, { status: 201 });
}
