import { requireActor } from "@/lib/auth/session";
import { workbenchExport } from "@/lib/dal/workbench";
import { TEXT_SEARCH_WINDOW } from "@/lib/domain/ticket-search";
import { route } from "@/lib/http";
import { attachmentDisposition } from "@/lib/reports/file-name";
import { buildWorkbenchWorkbook } from "@/lib/reports/workbench-sheet";
import { workbookBuffer } from "@/lib/reports/workbook";
import { parseOrThrow } from "@/lib/validation/errors";
import { WORKBENCH_TAB_LABELS, workbenchQuerySchema } from "@/lib/validation/workbench";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET /workbench/export?<the list's own query>: the current list (all pages) as .xlsx. */
export const GET = route(async (request: Request) => {
  const actor = await requireActor(request);
  const query = parseOrThrow(workbenchQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const { tab, rows, capped, searchedSince, generatedAt } = await workbenchExport(actor, query);
  const searched = searchedSince ? { tickets: TEXT_SEARCH_WINDOW, since: searchedSince } : null;
  const workbook = buildWorkbenchWorkbook(`工作台 · ${WORKBENCH_TAB_LABELS[tab]}`, rows, generatedAt, { capped, searched });
  const stamp = generatedAt.toISOString().slice(0, 10);
  return new Response(await workbookBuffer(workbook), {
    headers: {
      "content-type": XLSX,
      "content-disposition": attachmentDisposition({ name: `工作台-${WORKBENCH_TAB_LABELS[tab]}-${stamp}.xlsx`, ascii: `workbench-${tab}-${stamp}.xlsx` }),
      "cache-control": "private, no-store",
    },
  });
});
