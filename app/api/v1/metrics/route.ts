import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { readMetrics } from "@/lib/dal/metrics/read";
import { metricsCsv } from "@/lib/domain/metrics-csv";
import { Invalid } from "@/lib/errors";
import { route } from "@/lib/http";
import { parseOrThrow } from "@/lib/validation/errors";
import { METRICS_FORMATS, metricsQuerySchema } from "@/lib/validation/metrics";

/** GET /api/v1/metrics?from&to[&unit][&group-by][&format]: the same parameters and JSON as the CLI. */
export const GET = route(async (request: Request) => {
  const actor = await requireActor(request);
  const params = new URL(request.url).searchParams;
  const query = parseOrThrow(metricsQuerySchema, {
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    unit: params.get("unit") ?? undefined,
    category: params.get("category") ?? undefined,
    channel: params.get("channel") ?? undefined,
    groupBy: params.get("group-by") ?? params.get("groupBy") ?? params.get("group_by") ?? undefined,
  });
  const format = params.get("format") ?? "json";
  if (!(METRICS_FORMATS as readonly string[]).includes(format)) throw new Invalid([{ field: "format", message: "格式应为 json 或 csv" }]);
  const result = await readMetrics(actor, query);
  if (format === "csv") {
    return new Response(metricsCsv(Array.isArray(result) ? result : [result], Array.isArray(result)), {
      headers: { "content-type": "text/csv; charset=utf-8" },
    });
  }
  return NextResponse.json(result);
});
