// Demo history, numbers, loading and writing: the organisation read through Prisma, 工单编号
// per local day, and every row written by the query builder in bulk, on either engine.
import { type Insertable, sql } from "kysely";
import type { Db } from "@/lib/db";
import { formatTicketNo, ticketDay } from "@/lib/domain/ticket-number";
import type { DB } from "@/lib/generated/kysely/types";
import { openSql, type Sql } from "@/lib/sql";
import type { Built, Org } from "./rows";

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

/** Rows per INSERT: well under either engine's bound-parameter limit (SQLite 32,766; PostgreSQL 65,535). */
const PARAMETERS_PER_INSERT = 10_000;

/** Buffers one table's rows and inserts them many to a statement. */
class BulkInsert<T extends keyof DB & ("Ticket" | "TicketEvent" | "Evaluation" | "ReturnRequest")> {
  private rows: Insertable<DB[T]>[] = [];

  constructor(
    private readonly trx: Sql,
    private readonly table: T,
  ) {}

  add(row: Insertable<DB[T]>): void {
    this.rows.push(row);
  }

  get full(): boolean {
    return this.rows.length > 0 && this.rows.length * Object.keys(this.rows[0]!).length >= PARAMETERS_PER_INSERT;
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    await this.trx.insertInto(this.table).values(rows as never).execute();
  }
}

/**
 * Numbers and writes the tickets in one transaction, so the day counters read here are the ones
 * the inserts land on. `build(i, no)` makes ticket i's rows. `url` is the database the Prisma
 * client seeds (SQLite `file:` or PostgreSQL): a connection of its own, closed at the end — one
 * left open (like the app's) would keep SQLite's writes in the WAL, and the test harness copies
 * the template's main file only.
 */
export async function insertAll(url: string, receivedAts: readonly number[], build: (i: number, no: string) => Built): Promise<void> {
  // A bulk load on SQLite: synced once at the end is enough, and a waiting writer may wait.
  const { sql: target, close } = openSql(url, ["synchronous = NORMAL", "busy_timeout = 5000"]);
  try {
    await target.transaction().execute(async (trx) => {
      const counters = await trx.selectFrom("TicketSequence").select(["day", "last"]).execute();
      const { numbers, last } = allocateNumbers(receivedAts, new Map(counters.map((s) => [s.day, Number(s.last)])));
      const tickets = new BulkInsert(trx, "Ticket");
      const events = new BulkInsert(trx, "TicketEvent");
      const evaluations = new BulkInsert(trx, "Evaluation");
      const returns = new BulkInsert(trx, "ReturnRequest");
      const buffers = [tickets, events, evaluations, returns];
      // Tickets first, so the rows that reference them find them.
      const flush = async () => {
        for (const buffer of buffers) await buffer.flush();
      };
      // Built one by one: holding all ~250,000 rows at once costs more in GC.
      for (let i = 0; i < receivedAts.length; i++) {
        const b = build(i, numbers[i]!);
        tickets.add(b.ticket);
        for (const e of b.events) events.add(e);
        for (const e of b.evaluations) evaluations.add(e);
        if (b.returnRequest) returns.add(b.returnRequest);
        if (buffers.some((buffer) => buffer.full)) await flush();
      }
      await flush();
      for (const [day, value] of last) {
        await trx
          .insertInto("TicketSequence")
          .values({ day, last: value })
          // Counted on from the values read above, inside this transaction: never below them.
          .onConflict((conflict) => conflict.column("day").doUpdateSet({ last: (eb) => eb.ref("excluded.last") }))
          .execute();
      }
    });
    if (url.startsWith("file:")) await sql`PRAGMA wal_checkpoint(PASSIVE)`.execute(target);
  } finally {
    await close();
  }
}
