import { requireActor } from "@/lib/auth/session";
import { drilldownForExport } from "@/lib/dal/metrics/drilldown";
import { reference, unitNamesOf } from "@/lib/dal/reference";
import { route } from "@/lib/http";
import { buildDrilldownWorkbook, drilldownTitle } from "@/lib/reports/drilldown-list";
import { attachmentDisposition } from "@/lib/reports/file-name";
import { workbookBuffer } from "@/lib/reports/workbook";
import { parseOrThrow } from "@/lib/validation/errors";
import { drilldownQuerySchema } from "@/lib/validation/metrics";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET /dashboard/tickets/export?<the drill-down's parameters>: every ticket of the list as .xlsx. */
export const GET = route(async (request: Request) => {
  const actor = await requireActor(request);
  const query = parseOrThrow(drilldownQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const rows = await drilldownForExport(actor, query);
  const title = drilldownTitle(actor, query, unitNamesOf(await reference()));
  const file = { name: `统计明细-${query.from}-${query.metric}.xlsx`, ascii: `jsjb-drilldown-${query.from}_${query.to}-${query.metric}.xlsx` };
  return new Response(await workbookBuffer(buildDrilldownWorkbook(title, rows)), {
    headers: { "content-type": XLSX, "content-disposition": attachmentDisposition(file), "cache-control": "private, no-store" },
  });
});
