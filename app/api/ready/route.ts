import { NextResponse } from "next/server";
import { siteHealth } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 only when this node can take writes to a database whose schema is exactly its
 * code's (neither older nor newer: lib/dal/schema.ts); a load balancer sends no traffic otherwise.
 */
export async function GET() {
  const health = await siteHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503 });
}
