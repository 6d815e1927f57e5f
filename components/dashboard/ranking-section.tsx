// 红黑榜: every unit ranked by 满意率 — chart and table. A single unit in scope (a lead, or a
// manager's choice) has no one to be ranked against: it gets its figures without a rank.
import { UNASSIGNED_KEY } from "@/lib/domain/metrics";
import { rankBySatisfaction } from "@/lib/domain/unit-ranking";
import { drilldownHref } from "@/lib/validation/dashboard";
import { BreakdownTable, type BreakdownColumn, type BreakdownRow } from "./breakdown-table";
import { percentValue } from "./format";
import { Panel } from "./panel";
import { RankingChart } from "./ranking-chart";
import { unitsOnly } from "./rows";

type RankedRow = BreakdownRow & { rank: number | null; list: "red" | "black" | null };

const COLUMNS = ["received", "closedRate", "satisfactionRate", "resolutionRate", "onTimeRate"] as const;

const LIST_BADGES = {
  red: <span className="ml-1 rounded bg-green-700 px-1 text-xs text-white">红榜</span>,
  black: <span className="ml-1 rounded bg-red-600 px-1 text-xs text-white">黑榜</span>,
};

const RANK_COLUMN: BreakdownColumn<RankedRow> = {
  header: "排名",
  cell: (row) => (
    <span className="whitespace-nowrap" data-testid="unit-rank">
      {row.rank ?? "—"}
      {row.list && LIST_BADGES[row.list]}
    </span>
  ),
};

const rowTestId = (row: BreakdownRow) => (row.key === UNASSIGNED_KEY ? "unassigned-row" : "unit-row");

/** `singleTitle` set: one unit in scope, shown under that title without a ranking. */
export function RankingSection({ rows, singleTitle }: { rows: BreakdownRow[]; singleTitle?: string }) {
  if (singleTitle) {
    return (
      <Panel title={singleTitle} testId="ranking">
        <BreakdownTable caption={singleTitle} keyHeader="单位" rows={rows} columns={[...COLUMNS]} rowTestId={rowTestId} />
      </Panel>
    );
  }
  const ranked: RankedRow[] = rankBySatisfaction(
    rows.map((source) => ({ key: source.key, received: source.metrics.received, satisfactionRate: source.metrics.satisfactionRate, source })),
  ).map(({ row, rank, list }) => ({ ...row.source, rank, list }));
  const units = unitsOnly(ranked);
  return (
    <Panel
      title="红黑榜 · 各单位满意率排名"
      note={
        <>
          <span className="text-green-700">红榜</span>：满意率前三名；<span className="text-red-700">黑榜</span>：满意率后三名。无评价的单位不排名。
        </>
      }
      testId="ranking"
    >
      <div className="grid gap-4 xl:grid-cols-5">
        <div className="xl:col-span-2">
          <RankingChart
            rows={units.map((r) => ({ name: r.label, value: percentValue(r.metrics.satisfactionRate), list: r.list }))}
            hrefs={units.map((r) => drilldownHref(r.target, "received", "den"))}
            height={Math.max(240, units.length * 40 + 40)}
          />
        </div>
        <div className="xl:col-span-3">
          <BreakdownTable
            caption="各单位满意率排名（红黑榜）"
            keyHeader="单位"
            rows={ranked}
            leading={[RANK_COLUMN]}
            columns={[...COLUMNS]}
            rowTestId={rowTestId}
            rowClassName={(row) => (row.list === "red" ? "bg-green-50" : row.list === "black" ? "bg-red-50" : "")}
          />
        </div>
      </div>
    </Panel>
  );
}
