import { requireActor } from "@/lib/auth/session";
import { metricsReport } from "@/lib/dal/reports";
import { route } from "@/lib/http";
import { attachmentDisposition, reportFileName } from "@/lib/reports/file-name";
import { addCallSheets } from "@/lib/reports/call-sheets";
import { buildMetricsWorkbook, workbookBuffer } from "@/lib/reports/workbook";
import { parseOrThrow } from "@/lib/validation/errors";
import { reportQuerySchema } from "@/lib/validation/reports";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET /reports/export?kind=month|quarter|year&at=YYYY-MM-DD[&unit=CODE]: the report as .xlsx. */
export const GET = route(async (request: Request) => {
  const actor = await requireActor(request);
  const query = parseOrThrow(reportQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const { dashboard, organisation, unitNames, generatedAt, calls } = await metricsReport(actor, query);
  const workbook = buildMetricsWorkbook(dashboard, unitNames, { organisation, generatedAt });
  if (calls) addCallSheets(workbook, calls);
  return new Response(await workbookBuffer(workbook), {
    headers: {
      "content-type": XLSX,
      "content-disposition": attachmentDisposition(reportFileName(dashboard.kind, dashboard.period, dashboard.unit)),
      "cache-control": "private, no-store",
    },
  });
});
