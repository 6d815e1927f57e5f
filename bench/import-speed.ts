// Import throughput: a generated 12345 batch through importTickets, against whatever database
// lib/db points at (DATABASE_URL). The rows are new on every run (unique 工单编号), so the
// figure is for writing, not for skipping.
//   DATABASE_URL=file:/tmp/bench/app.db npx tsx --conditions=react-server bench/import-speed.ts [ROWS]
import os from "node:os";
import { pathToFileURL } from "node:url";
import { loadActor } from "@/lib/auth/actor";
import { importTickets } from "@/lib/dal/import-tickets";
import { db } from "@/lib/db";
import { formatLocalDateTime, parseLocalDateTime } from "@/lib/domain/local-time";
import { IMPORT_COLUMNS } from "@/lib/import";
import { prng } from "@/prisma/seed/prng";

const CHANNELS = ["12345", "12123", "网站", "微信", "来电", "其他"];
const TYPES = ["投诉", "举报", "求助", "咨询", "建议", "表扬"];
const DISTRICTS = ["东城区", "西城区", "南城区", "北城区"];
const ROADS = ["光岳路", "东昌路", "花园北路", "柳园南路", "湖南路", "建设路", "兴华路"];
/** Category with typical complaints; the owner is left to routing for most rows. */
const CATEGORIES: [string, string[]][] = [
  ["交通组织", ["路口信号灯配时不合理，早高峰左转车辆排队过长", "道路标线磨损看不清，请重新施划", "建议增设掉头车道"]],
  ["疏堵保畅", ["学校门口上下学时段拥堵严重", "商场周边节假日拥堵"]],
  ["执勤执法", ["小区门口长期有车辆违法停车", "渣土车超载抛洒"]],
  ["事故处理", ["事故认定书迟迟未出具"]],
  ["便民服务", ["机动车年检预约咨询", "12123 上驾驶证换证预约失败"]],
  ["非警务", ["路灯不亮影响夜间通行", "人行道坑洼不平"]],
];
const UNITS = ["", "", "", "ZQ1", "执勤二大队", "ZQ1-2", "SG", "CGS"];
const SATISFACTION = ["满意", "满意", "满意", "基本满意", "不满意", "未评价"];
const NAMES = ["王先生", "李女士", "张先生", ""];
const HOUR = 3_600_000;


/** A valid batch: a mix of closed-with-evaluation, replied, in-progress and untouched rows over 2025. */
export function generateImportCsv(rows: number, prefix: string): string {
  const random = prng(12345);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const start = parseLocalDateTime("2025-01-01 00:00")!.getTime();
  const span = 360 * 24 * HOUR;
  const at = (t: number) => formatLocalDateTime(new Date(t));
  const lines = [IMPORT_COLUMNS.join(",")];
  for (let i = 0; i < rows; i++) {
    const [category, contents] = pick(CATEGORIES);
    const received = start + Math.floor((i / rows) * span) + Math.floor(random() * HOUR);
    const stage = random(); // < 0.7 closed, < 0.8 replied, < 0.9 in progress, else only received
    const unit = pick(UNITS);
    const routedOnly = unit === "" && (category === "交通组织" || category === "非警务" || category === "疏堵保畅" || category === "执勤执法");
    // Every row names its district in the address, so routing can place the open ones too.
    const place = `${pick(DISTRICTS)}${pick(ROADS)}${1 + Math.floor(random() * 300)}号附近`;
    const signed = received + (0.2 + random()) * HOUR;
    const contacted = signed + (1 + random() * 20) * HOUR;
    const replied = contacted + (2 + random() * 60) * HOUR;
    const closed = replied + (1 + random() * 48) * HOUR;
    const satisfaction = stage < 0.7 ? pick(SATISFACTION) : "";
    const resolved = satisfaction === "" || satisfaction === "未评价" ? "" : satisfaction === "不满意" ? "否" : "是";
    lines.push(
      [
        `${prefix}${String(i).padStart(6, "0")}`,
        pick(CHANNELS),
        at(received),
        pick(TYPES),
        category,
        pick(contents),
        place,
        pick(NAMES),
        `13${String(100_000_000 + Math.floor(random() * 899_999_999))}`,
        routedOnly ? "" : unit,
        stage < 0.9 ? at(signed) : "",
        stage < 0.9 ? at(contacted) : "",
        stage < 0.8 ? at(replied) : "",
        stage < 0.7 ? at(closed) : "",
        resolved,
        satisfaction,
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

export async function measureImportSpeed(rows = 10_000): Promise<{ rows: number; seconds: number; rowsPerSecond: number }> {
  const admin = await db.user.findFirst({ where: { role: "ADMIN", active: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const actor = admin ? await loadActor(admin.id) : null;
  if (!actor) throw new Error("no active ADMIN user: seed the database first");
  const bytes = new TextEncoder().encode(generateImportCsv(rows, `BENCH-${Date.now().toString(36)}-`));

  const started = performance.now();
  const result = await importTickets(actor, "bench.csv", bytes);
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`generated batch rejected: ${JSON.stringify(result.errors.slice(0, 5))}`);
  if (result.imported !== rows) throw new Error(`imported ${result.imported} of ${rows} rows`);
  return { rows, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(rows / seconds) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? 10_000);
  const cpu = process.cpuUsage();
  measureImportSpeed(rows)
    .then((figures) => {
      // The machine's load and this process's CPU time put a wall-clock figure in context.
      const { user, system } = process.cpuUsage(cpu);
      const cpuSeconds = Number(((user + system) / 1e6).toFixed(2));
      console.log(JSON.stringify({ ...figures, cpuSeconds, loadAverage: os.loadavg()[0]?.toFixed(2) }));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
