import { NextResponse } from "next/server";
import { siteHealth } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

/**
 * Liveness: 200 while the process answers, with `degraded` and the reason when the database
 * cannot be written; 503 only when the database does not answer at all. /api/ready is the
 * load balancer's check.
 */
export async function GET() {
  const health = await siteHealth();
  return NextResponse.json(health, { status: health.status === "error" ? 503 : 200 });
}
