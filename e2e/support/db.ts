// Seeds per-test data straight into the e2e database (the server runs in another process).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { E2E_DATA_DIR } from "../../playwright.config";

function open() {
  const db = new Database(path.join(E2E_DATA_DIR, "app.db"));
  db.pragma("busy_timeout = 5000");
  return db;
}

/** A fresh staff user of a unit, so tests that lock or change accounts touch no one else. */
export async function createStaffUser(options: { role: string; unitCode: string; password: string }) {
  const username = `e2e.${randomUUID().slice(0, 8)}`;
  const passwordHash = await hash(options.password);
  const db = open();
  try {
    const unit = db.prepare("SELECT id FROM Unit WHERE code = ?").get(options.unitCode) as { id: string } | undefined;
    if (!unit) throw new Error(`unit ${options.unitCode} not seeded`);
    const now = Date.now();
    db.prepare(
      `INSERT INTO User (id, username, displayName, passwordHash, role, unitId, active, failedLogins, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?, ?)`,
    ).run(randomUUID(), username, `测试 ${username}`, passwordHash, options.role, unit.id, now, now);
  } finally {
    db.close();
  }
  return username;
}

const links = new Map<string, string>();

/**
 * The citizen's one-time evaluation link: the one queued in the REPLIED notice, or — once the
 * server's outbox has delivered it and dropped the token from the row, as it must — a fresh
 * token written in its place (only its SHA-256 is stored, as the server does). Remembered per
 * ticket, so a second call gives the same, by then used, link.
 */
export function evaluationLinkOf(ticketNo: string): string {
  const known = links.get(ticketNo);
  if (known) return known;
  const db = open();
  try {
    const row = db
      .prepare(
        `SELECT n."payload" FROM "Notification" n JOIN "Ticket" t ON t."id" = n."ticketId"
          WHERE t."no" = ? AND n."template" = 'REPLIED' ORDER BY n."createdAt" DESC LIMIT 1`,
      )
      .get(ticketNo) as { payload: string } | undefined;
    if (!row) throw new Error(`no REPLIED notice for ${ticketNo}`);
    let link = (JSON.parse(row.payload) as { link?: string }).link;
    if (!link) {
      const token = randomBytes(32).toString("base64url");
      db.prepare(`UPDATE "Ticket" SET "evaluationTokenHash" = ? WHERE "no" = ?`).run(createHash("sha256").update(token).digest("hex"), ticketNo);
      link = `/evaluate/${token}`;
    }
    links.set(ticketNo, link);
    return link;
  } finally {
    db.close();
  }
}

/** Moves a ticket's dispatch time into the past (to test what happens after the return window). */
export function backdateDispatch(ticketNo: string, days: number): void {
  const db = open();
  try {
    db.prepare(`UPDATE "Ticket" SET "dispatchedAt" = "dispatchedAt" - ? WHERE "no" = ?`).run(days * 86_400_000, ticketNo);
  } finally {
    db.close();
  }
}

/** The templates of the notices queued for a ticket, oldest first. */
export function noticesOf(ticketNo: string): string[] {
  const db = open();
  try {
    return (
      db
        .prepare(`SELECT n."template" FROM "Notification" n JOIN "Ticket" t ON t."id" = n."ticketId" WHERE t."no" = ? ORDER BY n."createdAt"`)
        .all(ticketNo) as { template: string }[]
    ).map((r) => r.template);
  } finally {
    db.close();
  }
}
