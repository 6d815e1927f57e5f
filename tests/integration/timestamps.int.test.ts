// One instant is one instant on every path to the database: the query builder and Prisma write and
// read the same UTC value. On PostgreSQL the test project runs with TZ=Asia/Shanghai, as a site in
// China does; node-postgres' defaults would shift every date by 8 hours (lib/sql/postgres.ts).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sql } from "@/lib/sql";
import { toDate } from "@/lib/sql/values";

const INSTANT = new Date("2022-01-01T05:07:46.341Z");

async function anyTicketId(): Promise<string> {
  return (await db.ticket.findFirstOrThrow({ select: { id: true } })).id;
}

describe("timestamps", () => {
  it("written by the query builder read the same through Prisma and the builder", async () => {
    const id = await anyTicketId();
    await sql().updateTable("Ticket").set({ supervisionDueAt: INSTANT }).where("id", "=", id).execute();
    expect((await db.ticket.findUniqueOrThrow({ where: { id } })).supervisionDueAt).toEqual(INSTANT);
    const row = await sql().selectFrom("Ticket").select("supervisionDueAt").where("id", "=", id).executeTakeFirstOrThrow();
    expect(toDate(row.supervisionDueAt)).toEqual(INSTANT);
  });

  it("written by Prisma read the same through the builder, and compare as the same instant", async () => {
    const id = await anyTicketId();
    await db.ticket.update({ where: { id }, data: { supervisionDueAt: INSTANT } });
    const row = await sql().selectFrom("Ticket").select("supervisionDueAt").where("id", "=", id).executeTakeFirstOrThrow();
    expect(toDate(row.supervisionDueAt)).toEqual(INSTANT);
    const matched = await sql().selectFrom("Ticket").select("id").where("id", "=", id).where("supervisionDueAt", "=", INSTANT).execute();
    expect(matched).toHaveLength(1);
  });
});
