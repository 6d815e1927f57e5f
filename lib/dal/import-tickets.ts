import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { EVENT_TYPES, type EventType } from "@/lib/domain/events";
import { normalisePlace } from "@/lib/domain/duplicates";
import { categoryName, findDistrictIn } from "@/lib/domain/routing";
import { formatTicketNo, ticketDay } from "@/lib/domain/ticket-number";
import { computeDeadlines, deadlinesOfTicket, earliestOpenDeadline, selectPolicy, type TicketDeadlines } from "@/lib/domain/time-limits";
import { Forbidden } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { IMPORT_COLUMNS, readImportFile, validateImport, type ImportError, type ImportFile, type ImportRow, type TextEncodingName } from "@/lib/import";
import { planTicket, routingEvents } from "@/lib/dal/intake";
import { reference, type Reference, type UnitRef } from "@/lib/dal/reference";
import type { TicketInput } from "@/lib/validation/ticket-input";
import { write, type WriteTx } from "@/lib/sql/write";

/** The largest batch accepted (CLI and upload page): about 100,000 rows of CSV, written in one transaction. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportOutcome =
  | { ok: true; imported: number; skipped: number; encoding?: TextEncodingName }
  | { ok: false; errors: ImportError[] };

type Owner = { owner: UnitRef; squadron: UnitRef | null };
type EventRow = ReturnType<typeof eventRow>;
type PlannedTicket = {
  externalId: string;
  receivedAt: Date;
  /** Every column set explicitly, so all rows of a bulk insert have the same columns. */
  ticket: ReturnType<typeof ticketRow>;
  events: EventRow[];
  evaluation: ReturnType<typeof evaluationRow> | null;
};

const UNIT_COLUMN = "承办单位";
const HOUR_MS = 3_600_000;

/**
 * 12345 batch import (DOMAIN.md §7): every row becomes a ticket with its historical clocks,
 * deadlines, timeline and evaluation, or — if any row is wrong — nothing is written and every
 * problem comes back as `line, column, reason`. Rows whose 工单编号 was imported before are
 * skipped, so re-importing a file adds nothing.
 *
 * No notifications are written: these citizens were answered by 12345 long ago, so a "已受理"
 * SMS now would be wrong, and a batch of last year's records would flood the outbox.
 */
export async function importTickets(
  actor: Actor,
  fileName: string,
  bytes: Uint8Array,
  options: { onProgress?: (message: string) => void } = {},
): Promise<ImportOutcome> {
  if (!can(actor.role, "import:run")) throw new Forbidden("只有指挥中心坐席和系统管理员可以导入 12345 工单");
  const progress = options.onProgress ?? (() => {});
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return fileError(`文件大小 ${mb} MB，超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 上限，请拆分成几个文件分批导入`);
  }

  let file: ImportFile;
  try {
    file = await readImportFile(fileName, bytes);
  } catch (error) {
    // The reader only throws for a file it cannot read at all; its messages say what to do.
    return fileError(error instanceof Error ? error.message : String(error));
  }
  progress(`已读取 ${file.rows.length} 行${file.encoding ? `（编码 ${file.encoding.toUpperCase()}）` : ""}，正在校验…`);

  const ref = await reference();
  const errors: ImportError[] = [];
  // Units are checked on the raw cells too, so a file with other errors still reports them all.
  const owners = resolveOwners(file, ref, errors);
  const validated = validateImport(file);
  if (!validated.ok) errors.push(...validated.errors);
  const context = { ref, actor, file: displayName(fileName), importedAt: new Date() };
  const planned = validated.ok ? planTickets(validated.rows, owners, context, errors) : [];
  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };

  progress(`校验通过，正在写入 ${planned.length} 条工单（已导入过的工单编号将跳过）…`);
  const { imported, skipped } = await writeTickets(planned);
  return { ok: true, imported, skipped, ...(file.encoding ? { encoding: file.encoding } : {}) };
}

function fileError(reason: string): ImportOutcome {
  return { ok: false, errors: [{ line: 1, column: "(文件)", reason }] };
}

function displayName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/** By line, then in the template's column order, so the clerk can fix the file top to bottom. */
function sortErrors(errors: ImportError[]): ImportError[] {
  const rank = (column: string) => (IMPORT_COLUMNS as readonly string[]).indexOf(column);
  return errors.toSorted((a, b) => a.line - b.line || rank(a.column) - rank(b.column));
}

// ─── 承办单位 ─────────────────────────────────────────────────────────────────

/**
 * 承办单位 (code or full name) of every row → its owner, or an error. A squadron is owned by its
 * brigade (首问负责 sits with the brigade) and kept as the ticket's squadron. EXTERNAL partners
 * only assist (协办), and the dispatch centre and detachment hand tickets on rather than own them.
 */
function resolveOwners(file: ImportFile, ref: Reference, errors: ImportError[]): Map<number, Owner> {
  const byName = new Map<string, UnitRef[]>();
  for (const unit of ref.units) byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit]);
  const owning = ref.units.filter((u) => u.active && (u.kind === "BRIGADE" || u.kind === "SQUADRON"));
  const choices = owning.map((u) => `${u.code} ${u.name}`).join("、");

  const owners = new Map<number, Owner>();
  for (const raw of file.rows) {
    const text = (raw.cells[UNIT_COLUMN] ?? "").trim();
    if (text === "" || text.length > 50) continue; // rows.ts reports an overlong cell
    const fail = (reason: string) => errors.push({ line: raw.line, column: UNIT_COLUMN, reason });
    const named = byName.get(text) ?? [];
    const unit = ref.unitByCode.get(text) ?? ref.unitByCode.get(text.toUpperCase()) ?? (named.length === 1 ? named[0] : undefined);
    if (named.length > 1 && !unit) {
      fail(`有 ${named.length} 个单位都叫“${text}”，请改填单位代码：${named.map((u) => u.code).join("、")}`);
    } else if (!unit) {
      fail(`找不到承办单位“${text}”，请填写单位代码或全称（可选：${choices}），或留空按分派规则自动分派`);
    } else if (!unit.active) {
      fail(`承办单位“${text}”已停用，请改填现在承办此类诉求的单位，或留空按分派规则自动分派`);
    } else if (unit.kind === "EXTERNAL") {
      fail(`“${unit.name}”是外部协作部门，只能协办，不能作为承办单位；请填写交警承办单位（${choices}），或留空按分派规则自动分派`);
    } else if (unit.kind !== "BRIGADE" && unit.kind !== "SQUADRON") {
      fail(`“${unit.name}”负责派单，不承办工单；请填写承办的大队或中队（${choices}），或留空按分派规则自动分派`);
    } else if (unit.kind === "SQUADRON") {
      const brigade = unit.parentId ? ref.unitById.get(unit.parentId) : undefined;
      if (!brigade?.active) fail(`中队“${unit.name}”没有在用的所属大队，请改填大队`);
      else owners.set(raw.line, { owner: brigade, squadron: unit });
    } else {
      owners.set(raw.line, { owner: unit, squadron: null });
    }
  }
  return owners;
}

// ─── Rows → tickets ──────────────────────────────────────────────────────────

type Context = { ref: Reference; actor: Actor; file: string; importedAt: Date };

function planTickets(rows: ImportRow[], owners: Map<number, Owner>, context: Context, errors: ImportError[]): PlannedTicket[] {
  const { ref } = context;
  const planned: PlannedTicket[] = [];
  for (const row of rows) {
    const given = owners.get(row.line);
    if (row.unitText !== null && !given) continue; // its 承办单位 error is already reported
    // The 12345 format has no district column: find it in the address, else in the complaint. (Not
    // the gazetteer: a batch is placed by the rules on what its rows say, as the format promises.)
    const district = findDistrictIn(row.place, ref.districts) ?? findDistrictIn(row.content, ref.districts);
    const routed = given ? null : planTicket(ref, intakeInput(row, district), row.receivedAt);
    const owner = given?.owner ?? routed?.owner ?? null;
    const started = row.signedAt ?? row.firstContactAt ?? row.repliedAt;
    if (!owner && !row.closedAt && started) {
      // An open ticket someone is working on needs an owner, or nobody could ever finish it.
      errors.push({
        line: row.line,
        column: UNIT_COLUMN,
        reason: `该工单已签收但未办结，承办单位为空，分派规则也找不到承办单位（分类「${categoryName(row.category)}」、辖区「${district ?? "未识别"}」），请填写承办单位`,
      });
      continue;
    }

    const dispatchedAt = owner ? row.receivedAt : null;
    // Routed rows got theirs from planTicket; a unit named by the file is dispatched on receipt too.
    const deadlines =
      routed?.deadlines ??
      deadlinesOfTicket(
        computeDeadlines(ref.calendar, selectPolicy(ref.policies, { type: row.type, urgency: "NORMAL", grade: "NORMAL" }), {
          receivedAt: row.receivedAt,
          dispatchedAt,
        }),
        row.phone === null,
      );
    const status = row.closedAt ? "CLOSED" : row.repliedAt ? "REPLIED" : started ? "IN_PROGRESS" : owner ? "DISPATCHED" : "PENDING";
    // 回访 result: 未评价 (NONE) is recorded too, as an evaluation nobody answered.
    const evaluated = status === "CLOSED" && row.satisfaction !== null;
    const ticket = ticketRow(row, context, {
      district,
      status,
      owner,
      squadron: given?.squadron ?? null,
      dispatchedAt,
      deadlines,
      evaluated,
    });
    planned.push({
      externalId: row.externalId,
      receivedAt: row.receivedAt,
      ticket,
      events: timeline(row, ticket.id, context, { owner, given, routed }),
      evaluation: evaluated ? evaluationRow(row, ticket.id, context) : null,
    });
  }
  return planned;
}

/** The row as intake input, for routing (planTicket). Phone-less rows are 匿名. */
function intakeInput(row: ImportRow, district: string | null): TicketInput {
  return {
    type: row.type,
    category: row.category,
    subCategory: undefined,
    urgency: "NORMAL",
    title: row.title,
    content: row.content,
    district: district ?? undefined,
    place: row.place ?? undefined,
    lat: undefined,
    lng: undefined,
    name: row.name ?? undefined,
    phone: row.phone ?? undefined,
    anonymous: row.phone === null,
  };
}

function ticketRow(
  row: ImportRow,
  { ref, importedAt }: Context,
  plan: {
    district: string | null;
    status: "PENDING" | "DISPATCHED" | "IN_PROGRESS" | "REPLIED" | "CLOSED";
    owner: UnitRef | null;
    squadron: UnitRef | null;
    dispatchedAt: Date | null;
    deadlines: TicketDeadlines;
    evaluated: boolean;
  },
) {
  const { status, deadlines, evaluated } = plan;
  const clocks = { signedAt: row.signedAt, firstContactAt: row.firstContactAt, repliedAt: row.repliedAt };
  return {
    id: newId(),
    externalId: row.externalId,
    channel: row.channel,
    type: row.type,
    categoryCode: row.category,
    urgency: "NORMAL",
    title: row.title,
    content: row.content,
    district: plan.district,
    place: row.place,
    placeKey: normalisePlace(row.place) || null,
    citizenName: row.name,
    citizenPhone: row.phone,
    anonymous: row.phone === null,
    status,
    ownerUnitId: plan.owner?.id ?? null,
    squadronUnitId: plan.squadron?.id ?? null,
    receivedAt: row.receivedAt,
    dispatchedAt: plan.dispatchedAt,
    ...clocks,
    closedAt: row.closedAt,
    signDueAt: deadlines.signDueAt,
    contactDueAt: deadlines.contactDueAt,
    dueAt: deadlines.dueAt,
    escalationAt: status === "CLOSED" ? null : earliestOpenDeadline({ ...deadlines, ...clocks }),
    // A finished record nobody contacted has certainly missed its contact deadline; recording
    // that here keeps it in 响应率's denominator (lib/domain/metrics.ts) — the scheduler only
    // records the crossings of open tickets.
    contactOverdueAt: (status === "REPLIED" || status === "CLOSED") && !row.firstContactAt ? deadlines.contactDueAt : null,
    // A replied ticket waits for 回访; the window runs from the historical reply, so the expiry
    // job closes it as 未评价 if nobody calls back (no link is sent: see importTickets).
    evaluationExpiresAt:
      status === "REPLIED" && row.repliedAt ? new Date(row.repliedAt.getTime() + ref.settings.evaluationWindowDays * 24 * HOUR_MS) : null,
    resolved: evaluated ? row.resolved : null,
    satisfaction: evaluated ? row.satisfaction : null,
    evaluatedAt: evaluated ? row.closedAt : null,
    createdAt: importedAt,
    updatedAt: importedAt,
  } satisfies Omit<Prisma.TicketCreateManyInput, "no">;
}

function evaluationRow(row: ImportRow, ticketId: string, { actor }: Context) {
  return {
    id: newId(),
    ticketId,
    round: 1,
    resolved: row.resolved,
    satisfaction: row.satisfaction ?? "NONE",
    comment: null,
    source: "IMPORT",
    // Who entered the 12345 record here; the citizen answered 12345, not us.
    recordedById: actor.userId,
    createdAt: row.closedAt ?? row.receivedAt,
  } satisfies Prisma.EvaluationCreateManyInput;
}

function eventRow(
  ticketId: string,
  type: EventType,
  createdAt: Date,
  payload: object | string,
  actor: { unitId: string | null; userId?: string | null } = { unitId: null },
) {
  return {
    id: newId(),
    ticketId,
    type,
    visibility: EVENT_TYPES[type].visibility,
    actorId: actor.userId ?? null,
    actorUnitId: actor.unitId,
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    createdAt,
  } satisfies Prisma.TicketEventCreateManyInput;
}

/** The ticket's history at the times the file gives, then the import itself (now, by the actor). */
function timeline(
  row: ImportRow,
  ticketId: string,
  { actor, file, importedAt }: Context,
  { owner, given, routed }: { owner: UnitRef | null; given: Owner | undefined; routed: ReturnType<typeof planTicket> | null },
): EventRow[] {
  const byOwner = { unitId: owner?.id ?? null };
  const events = [eventRow(ticketId, "RECEIVED", row.receivedAt, { channel: row.channel })];
  if (given) {
    const { owner: unit, squadron } = given;
    const payload = {
      unit: unit.code,
      unitName: unit.name,
      ...(squadron ? { squadron: squadron.code, squadronName: squadron.name } : {}),
      reason: "导入文件指定承办单位",
    };
    events.push(eventRow(ticketId, "DISPATCHED", row.receivedAt, payload, byOwner));
  } else if (routed) {
    for (const e of routingEvents(routed.routing, routed.owner, row.receivedAt, { decidedBy: routed.decidedBy })) {
      events.push(eventRow(ticketId, e.type as EventType, row.receivedAt, e.payload ?? "{}", { unitId: e.actorUnitId ?? null }));
    }
  }
  if (row.signedAt) events.push(eventRow(ticketId, "SIGNED", row.signedAt, {}, byOwner));
  if (row.firstContactAt) events.push(eventRow(ticketId, "CONTACTED", row.firstContactAt, {}, byOwner));
  if (row.repliedAt) events.push(eventRow(ticketId, "REPLIED", row.repliedAt, {}, byOwner));
  if (row.closedAt) {
    if (row.satisfaction !== null && row.satisfaction !== "NONE") {
      const payload = { resolved: row.resolved, satisfaction: row.satisfaction, source: "IMPORT" };
      events.push(eventRow(ticketId, "EVALUATED", row.closedAt, payload));
    }
    events.push(eventRow(ticketId, "CLOSED", row.closedAt, row.satisfaction === "NONE" ? { satisfaction: "NONE" } : {}, byOwner));
  }
  events.push(eventRow(ticketId, "IMPORTED", importedAt, { externalId: row.externalId, file }, actor));
  return events;
}

// ─── Writing ─────────────────────────────────────────────────────────────────

/**
 * Rows per INSERT: a ticket has about 60 columns, and SQLite binds at most 32,766 values per
 * statement (PostgreSQL 65,535). Larger chunks gain nothing measurable.
 */
const INSERT_CHUNK_ROWS = 200;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * One transaction (lib/sql/write.ts, `alone`: no savepoint): skip known 工单编号, number the rest
 * per local day, then insert. Everything that needs no database (ids, deadlines, events) was
 * prepared before, so the write lock is held only for the inserts (50,000 rows: about 4 s on
 * SQLite). Readers never wait for it and see all of the batch or none of it; other writers wait
 * for it asynchronously, so the server's event loop stays free.
 */
async function writeTickets(planned: PlannedTicket[]): Promise<{ imported: number; skipped: number }> {
  return write(
    async (tx) => {
      const known = await knownExternalIds(tx, planned.map((p) => p.externalId));
      const fresh = planned.filter((p) => !known.has(p.externalId));
      const numbers = await allocateTicketNos(tx, fresh.map((p) => p.receivedAt));
      const tickets = fresh.map((p, i) => ({ ...p.ticket, no: numbers[i]! }));
      for (const rows of chunks(tickets, INSERT_CHUNK_ROWS)) await tx.insertInto("Ticket").values(rows).execute();
      for (const rows of chunks(fresh.flatMap((p) => p.events), INSERT_CHUNK_ROWS)) await tx.insertInto("TicketEvent").values(rows).execute();
      const evaluations = fresh.flatMap((p) => (p.evaluation ? [p.evaluation] : []));
      for (const rows of chunks(evaluations, INSERT_CHUNK_ROWS)) await tx.insertInto("Evaluation").values(rows).execute();
      return { imported: fresh.length, skipped: planned.length - fresh.length };
    },
    { alone: true },
  );
}

/** The 工单编号 among these that an earlier import already brought in. */
async function knownExternalIds(tx: WriteTx, externalIds: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const ids of chunks(externalIds, 1000)) {
    const found = await tx.selectFrom("Ticket").select("externalId").where("externalId", "in", ids).execute();
    for (const { externalId } of found) if (externalId) known.add(externalId);
  }
  return known;
}

/**
 * Ticket numbers for these receipt times, in the same order: YYYYMMDD of the local receipt day
 * + the day's sequence, as nextTicketNo hands out, but with one counter update per day for the
 * whole batch. Within a day the numbers follow the receipt times.
 */
async function allocateTicketNos(tx: WriteTx, receivedAts: Date[]): Promise<string[]> {
  const order = receivedAts.map((at, i) => ({ at: at.getTime(), i, day: ticketDay(at) }));
  order.sort((a, b) => a.at - b.at || a.i - b.i);
  const perDay = new Map<string, number>();
  for (const { day } of order) perDay.set(day, (perDay.get(day) ?? 0) + 1);

  // Add each day's count to its counter and read back the new last value; the batch takes the
  // numbers just below it.
  const next = new Map<string, number>();
  for (const [day, count] of perDay) {
    const { last } = await tx
      .insertInto("TicketSequence")
      .values({ day, last: count })
      .onConflict((conflict) => conflict.column("day").doUpdateSet((eb) => ({ last: eb("TicketSequence.last", "+", eb.ref("excluded.last")) })))
      .returning("last")
      .executeTakeFirstOrThrow();
    next.set(day, Number(last) - count + 1);
  }
  const numbers: string[] = new Array(receivedAts.length);
  for (const { i, day } of order) {
    const sequence = next.get(day)!;
    next.set(day, sequence + 1);
    numbers[i] = formatTicketNo(day, sequence);
  }
  return numbers;
}
