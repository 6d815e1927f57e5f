// Seeds and reads per-test data straight in the journeys' database (the server runs in another
// process), on whichever engine it runs (e2e/support/server.ts wrote the URL).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { openSql, type Sql } from "../../lib/sql";
import { toMillis } from "../../lib/sql/values";
import { e2eDatabaseUrl } from "./engine";

async function withDatabase<T>(work: (db: Sql) => Promise<T>): Promise<T> {
  // The server writes too: wait for its lock rather than fail (SQLite).
  const { sql, close } = openSql(e2eDatabaseUrl(), ["busy_timeout = 5000"]);
  try {
    return await work(sql);
  } finally {
    await close();
  }
}

/** A fresh staff user of a unit, so tests that lock or change accounts touch no one else. */
export async function createStaffUser(options: { role: "HANDLER" | "LEAD" | "DISPATCHER" | "MANAGER" | "ADMIN"; unitCode: string; password: string }) {
  const username = `e2e.${randomUUID().slice(0, 8)}`;
  const passwordHash = await hash(options.password);
  await withDatabase(async (db) => {
    const unit = await db.selectFrom("Unit").select("id").where("code", "=", options.unitCode).executeTakeFirst();
    if (!unit) throw new Error(`unit ${options.unitCode} not seeded`);
    const now = new Date();
    await db
      .insertInto("User")
      .values({ id: randomUUID(), username, displayName: `测试 ${username}`, passwordHash, role: options.role, unitId: unit.id, createdAt: now, updatedAt: now })
      .execute();
  });
  return username;
}

/** A fresh citizen account (username = phone), for journeys that sign out or act as a citizen. */
export async function createCitizenUser(password: string): Promise<string> {
  const phone = `137${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, "0")}`;
  const passwordHash = await hash(password);
  await withDatabase(async (db) => {
    const now = new Date();
    await db
      .insertInto("User")
      .values({ id: randomUUID(), username: phone, phone, displayName: `市民 ${phone}`, passwordHash, role: "CITIZEN", createdAt: now, updatedAt: now })
      .execute();
  });
  return phone;
}

const links = new Map<string, string>();

/**
 * The citizen's one-time evaluation link: the one queued in the REPLIED notice, or — once the
 * server's outbox has delivered it and dropped the token from the row, as it must — a fresh
 * token written in its place (only its SHA-256 is stored, as the server does). Remembered per
 * ticket, so a second call gives the same, by then used, link.
 */
export async function evaluationLinkOf(ticketNo: string): Promise<string> {
  const known = links.get(ticketNo);
  if (known) return known;
  const link = await withDatabase(async (db) => {
    const row = await db
      .selectFrom("Notification as n")
      .innerJoin("Ticket as t", "t.id", "n.ticketId")
      .select("n.payload")
      .where("t.no", "=", ticketNo)
      .where("n.template", "=", "REPLIED")
      .orderBy("n.createdAt", "desc")
      .executeTakeFirst();
    if (!row) throw new Error(`no REPLIED notice for ${ticketNo}`);
    const queued = (JSON.parse(row.payload) as { link?: string }).link;
    if (queued) return queued;
    return writeEvaluationToken(db, ticketNo);
  });
  links.set(ticketNo, link);
  return link;
}

/** A fresh evaluation link in place of the ticket's (only its SHA-256 is stored, as the server does). */
async function writeEvaluationToken(db: Sql, ticketNo: string, expiresAt?: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .updateTable("Ticket")
    .set({ evaluationTokenHash: createHash("sha256").update(token).digest("hex"), ...(expiresAt && { evaluationExpiresAt: expiresAt }) })
    .where("no", "=", ticketNo)
    .execute();
  return `/evaluate/${token}`;
}

/**
 * A live evaluation link for the nth newest seeded 已答复 ticket (not the demo citizen's), for
 * journeys that only look at the evaluation page; parallel journeys pass different n.
 */
export async function evaluationLinkOfReplied(nth = 0): Promise<string> {
  return withDatabase(async (db) => {
    const { no } = await db
      .selectFrom("Ticket")
      .select("no")
      .where("status", "=", "REPLIED")
      .where("awaitingReview", "=", false)
      .where("citizenPhone", "<>", "13800000000")
      .orderBy("no", "desc")
      .offset(nth)
      .limit(1)
      .executeTakeFirstOrThrow();
    return writeEvaluationToken(db, no, new Date(Date.now() + 7 * 86_400_000));
  });
}

/** Moves a ticket's dispatch time into the past (to test what happens after the return window). */
export async function backdateDispatch(ticketNo: string, days: number): Promise<void> {
  await withDatabase(async (db) => {
    const { dispatchedAt } = await db.selectFrom("Ticket").select("dispatchedAt").where("no", "=", ticketNo).executeTakeFirstOrThrow();
    if (dispatchedAt === null) throw new Error(`${ticketNo} was never dispatched`);
    await db
      .updateTable("Ticket")
      .set({ dispatchedAt: new Date(toMillis(dispatchedAt) - days * 86_400_000) })
      .where("no", "=", ticketNo)
      .execute();
  });
}

/** The templates of the notices queued for a ticket, oldest first. */
export async function noticesOf(ticketNo: string): Promise<string[]> {
  return withDatabase(async (db) => {
    const rows = await db
      .selectFrom("Notification as n")
      .innerJoin("Ticket as t", "t.id", "n.ticketId")
      .select("n.template")
      .where("t.no", "=", ticketNo)
      .orderBy("n.createdAt")
      .execute();
    return rows.map((r) => r.template);
  });
}

/**
 * Leaves a PENDING ticket with the unit suggestion intake stores when the unit model is sure
 * (the seeded base model has no unit history to be sure from).
 */
export async function suggestUnitFor(ticketNo: string, unitCode: string, reason: string): Promise<void> {
  await withDatabase(async (db) => {
    const unit = await db.selectFrom("Unit").select(["id", "name"]).where("code", "=", unitCode).executeTakeFirstOrThrow();
    const ticket = await db.selectFrom("Ticket").select("id").where("no", "=", ticketNo).executeTakeFirstOrThrow();
    await db.updateTable("Ticket").set({ suggestedUnitId: unit.id }).where("id", "=", ticket.id).execute();
    const failed = await db
      .selectFrom("TicketEvent")
      .select(["id", "payload"])
      .where("ticketId", "=", ticket.id)
      .where("type", "=", "ROUTING_FAILED")
      .executeTakeFirstOrThrow();
    const suggestion = { unit: unitCode, unitName: unit.name, source: "model", confidence: 0.8, reason };
    await db
      .updateTable("TicketEvent")
      .set({ payload: JSON.stringify({ ...(JSON.parse(failed.payload) as object), suggestion }) })
      .where("id", "=", failed.id)
      .execute();
  });
}
