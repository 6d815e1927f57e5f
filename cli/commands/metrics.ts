import { parseArgs } from "node:util";
import { rebuildMetrics } from "@/lib/dal/metrics/rebuild";
import { systemMetrics } from "@/lib/dal/metrics/read";
import { metricsCsv } from "@/lib/domain/metrics-csv";
import { Invalid } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/errors";
import { METRICS_FORMATS, metricsQuerySchema } from "@/lib/validation/metrics";

const USAGE =
  "用法: npm run cli -- metrics --from YYYY-MM-DD --to YYYY-MM-DD [--unit 单位代码] [--group-by unit|category|channel|month] [--format json|csv]";

/** metrics …: the rates of DOMAIN §6 for [from, to), every unit (DOMAIN §7). */
export async function metricsCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      unit: { type: "string" },
      "group-by": { type: "string" },
      format: { type: "string", default: "json" },
    },
  });
  const format = values.format as (typeof METRICS_FORMATS)[number];
  if (!METRICS_FORMATS.includes(format)) throw new Error(`--format 应为 json 或 csv\n${USAGE}`);
  let query;
  try {
    query = parseOrThrow(metricsQuerySchema, { from: values.from, to: values.to, unit: values.unit, groupBy: values["group-by"] });
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    throw new Error(`${error.errors.map((e) => `${e.field}: ${e.message}`).join("；")}\n${USAGE}`);
  }
  const result = await systemMetrics(query);
  if (format === "csv") process.stdout.write(metricsCsv(Array.isArray(result) ? result : [result], Array.isArray(result)));
  else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

/** metrics-rebuild: recounts the aggregates from the tickets (after a restore or a manual fix). */
export async function metricsRebuildCommand(): Promise<void> {
  const { rows, ms } = await rebuildMetrics();
  process.stderr.write(`已按工单重新统计：${rows} 行日统计，用时 ${ms} ms\n`);
}
