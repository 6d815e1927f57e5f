// Demo history, numbers, loading and writing: the organisation read through Prisma, 工单编号
// per local day, and every row written on a raw better-sqlite3 connection.
import Database from "better-sqlite3";
import type { Db } from "@/lib/db";
import { formatTicketNo, ticketDay } from "@/lib/domain/ticket-number";
import { env } from "@/lib/env";
import { type Built, EVALUATION_COLUMNS, EVENT_COLUMNS, type Org, RETURN_COLUMNS, type Row, TICKET_COLUMNS } from "./rows";

/**
 * 工单编号 in receipt order per local day, continuing each day's counter (the demo seed has
 * already numbered some recent days). Returns the numbers and each day's new last value.
 */
function allocateNumbers(receivedAts: readonly number[], existing: Map<string, number>): { numbers: string[]; last: Map<string, number> } {
  const last = new Map(existing);
  const numbers = receivedAts.map((at) => {
    const day = ticketDay(new Date(at));
    const sequence = (last.get(day) ?? 0) + 1;
    last.set(day, sequence);
    return formatTicketNo(day, sequence);
  });
  return { numbers, last };
}

export async function loadOrg(db: Db): Promise<Org> {
  const units = new Map((await db.unit.findMany()).map((u) => [u.code, u]));
  const users = new Map((await db.user.findMany()).map((u) => [u.username, u.id]));
  const unit = (code: string) => {
    const found = units.get(code);
    if (!found) throw new Error(`seedHistoryTickets: unit ${code} is missing; seed the organisation first`);
    return found;
  };
  const codes = ["ZQ1", "ZQ2", "ZQ3", "ZQ4", "SG", "CGS"] as const;
  const rules = new Map(
    (await db.routingRule.findMany({ where: { active: true } })).map((r) => [`${r.categoryCode}|${r.district ?? ""}`, { id: r.id, name: r.name }]),
  );
  return {
    unitId: Object.fromEntries([...codes, "ZHZX", "ZD"].map((code) => [code, unit(code).id])) as Org["unitId"],
    unitName: Object.fromEntries(codes.map((code) => [code, unit(code).name])) as Org["unitName"],
    handler: {
      ZQ1: users.get("zq1.handler"),
      ZQ2: users.get("zq2.handler"),
      SG: users.get("sg.handler"),
      CGS: users.get("cgs.handler"),
    },
    dispatcher: users.get("dispatcher")!,
    manager: users.get("manager")!,
    rules,
  };
}

/** The file behind the Prisma client (not env() again: the caller chose the client). */
export async function databaseFile(db: Db): Promise<string> {
  const list = await db.$queryRawUnsafe<{ name: string; file: string }[]>("PRAGMA database_list");
  return list.find((d) => d.name === "main")?.file || env().databasePath;
}

/**
 * Numbers and writes the tickets in one IMMEDIATE transaction, so the day counters read here are
 * the ones the inserts land on. `build(i, no)` makes ticket i's rows.
 */
export function insertAll(file: string, receivedAts: readonly number[], build: (i: number, no: string) => Built): void {
  // Its own connection, closed at the end: a connection left open (like rawSqlite's) would keep
  // the writes in the WAL, and the test harness copies the template's main file only.
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    // Statement journals in memory: with a trigger on Ticket (MetricDaily) every insert opens
    // one, and as a temporary file that cost ~70 µs per ticket (measured: 1.5–2.5 s here).
    sqlite.pragma("temp_store = MEMORY");
    const insert = <C extends readonly string[]>(table: string, columns: C) => {
      const statement = sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      return (row: Row<C>) => statement.run(columns.map((c) => row[c as C[number]]));
    };
    const ticket = insert("Ticket", TICKET_COLUMNS);
    const event = insert("TicketEvent", EVENT_COLUMNS);
    const evaluation = insert("Evaluation", EVALUATION_COLUMNS);
    const returnRequest = insert("ReturnRequest", RETURN_COLUMNS);
    const sequence = sqlite.prepare(
      `INSERT INTO "TicketSequence" ("day", "last") VALUES (?, ?) ON CONFLICT ("day") DO UPDATE SET "last" = max("last", excluded."last")`,
    );
    sqlite.transaction(() => {
      const counters = sqlite.prepare(`SELECT "day", "last" FROM "TicketSequence"`).all() as { day: string; last: number }[];
      const { numbers, last } = allocateNumbers(receivedAts, new Map(counters.map((s) => [s.day, s.last])));
      // Built one by one inside the loop: holding all ~250,000 rows at once costs more in GC.
      for (let i = 0; i < receivedAts.length; i++) {
        const b = build(i, numbers[i]!);
        ticket(b.ticket);
        for (const e of b.events) event(e);
        for (const e of b.evaluations) evaluation(e);
        if (b.returnRequest) returnRequest(b.returnRequest);
      }
      for (const [day, value] of last) sequence.run(day, value);
    }).immediate();
    // Into the main file now: whoever copies it next (the test harness copies the template's
    // main file only) gets the history even if another connection keeps the WAL alive.
    sqlite.pragma("wal_checkpoint(PASSIVE)");
  } finally {
    sqlite.close();
  }
}
