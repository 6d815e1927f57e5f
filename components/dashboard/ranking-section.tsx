// 红黑榜: every unit ranked by 满意率 — chart and table. A single unit in scope (a lead, or a
// manager's choice) gets its figures and its place among all units (「第 3 / 12 名」) instead of
// a chart with one bar.
import { rankBySatisfaction, type Standing } from "@/lib/domain/unit-ranking";
import { drilldownHref } from "@/lib/validation/dashboard";
import { BreakdownTable, type BreakdownRow } from "./breakdown-table";
import { percentValue } from "./format";
import { Panel } from "./panel";
import { RankingChart } from "./ranking-chart";
import { unitsOnly } from "./rows";

type RankedRow = BreakdownRow & { rank: number | null; list: "red" | "black" | null };

const COLUMNS = ["received", "closedRate", "satisfactionRate", "resolutionRate", "onTimeRate"] as const;

function StandingLine({ standing }: { standing: Standing }) {
  return (
    <p className="mb-3 text-lg" data-testid="unit-standing">
      满意率在全部 {standing.of} 个参与排名的单位中
      {standing.rank === null ? <strong>暂无排名（本期无评价）</strong> : <strong className="mx-1 text-2xl">第 {standing.rank} / {standing.of} 名</strong>}
    </p>
  );
}

/** `singleTitle` set: one unit in scope, shown under that title with its `standing` among all. */
export function RankingSection({ rows, singleTitle, standing }: { rows: BreakdownRow[]; singleTitle?: string; standing?: Standing | null }) {
  if (singleTitle) {
    return (
      <Panel title={singleTitle} testId="ranking">
        {standing && <StandingLine standing={standing} />}
        <BreakdownTable caption={singleTitle} keyHeader="单位" rows={rows} columns={[...COLUMNS]} rowTestId="unit-row" unassignedTestId="unassigned-row" />
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
            ranked
            columns={[...COLUMNS]}
            rowTestId="unit-row"
            unassignedTestId="unassigned-row"
          />
        </div>
      </div>
    </Panel>
  );
}
