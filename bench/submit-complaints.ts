// The citizen's two complaints for bench:pages (我的诉求, and a ticket page with a history),
// submitted as the public form does (channel WEB, signed in), on the database DATABASE_URL names.
// Prints their numbers as JSON. Run by bench/pages.ts with --conditions=react-server.
import { submitTicket } from "@/lib/dal/intake";
import { closeSql } from "@/lib/sql";
import { actorOf } from "@/tests/support/actors";

async function main() {
  const citizen = await actorOf(process.argv[2] ?? "13800000000");
  const numbers: string[] = [];
  for (const title of ["路口信号灯配时不合理", "小区门口违法停车"]) {
    const ticket = await submitTicket(
      citizen,
      {
        type: "COMPLAINT",
        category: "TRAFFIC_ORG",
        title,
        content: "光岳路与东昌路路口早高峰左转信号太短，排队很长，希望调整配时。",
        district: "东城区",
        place: "光岳路与东昌路路口",
        phone: citizen.phone,
      },
      { channel: "WEB" },
    );
    numbers.push(ticket.no);
  }
  await closeSql();
  process.stdout.write(`${JSON.stringify(numbers)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
