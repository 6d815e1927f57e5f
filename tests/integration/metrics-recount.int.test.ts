// Property: whatever sequence of workflow steps happens, the maintained aggregates equal a full
// recount — by SQL over the tickets, and by the pure ticketCounters over every ticket row.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { POST as act } from "@/app/api/v1/tickets/[no]/actions/route";
import { POST as create } from "@/app/api/v1/tickets/route";
import { expireEvaluations } from "@/lib/dal/evaluations";
import { aggregateCounters, naiveCounters } from "@/lib/dal/metrics/counters";
import { recordOverdue } from "@/lib/dal/overdue";
import { GROUP_BYS } from "@/lib/domain/metrics";
import { sql } from "@/lib/sql";
import { toBoolean, toMillis } from "@/lib/sql/values";
import { requestAs } from "../support/actors";
import { pureRecount } from "../support/metrics";

const DAY = 86_400_000;
const EVERYTHING = { period: { from: "2020-01-01", to: "2030-01-01" } };
const HANDLER: Record<string, string> = { ZQ1: "zq1.handler", ZQ2: "zq2.handler", SG: "sg.handler", CGS: "cgs.handler" };

type Created = { no: string; ownerUnit: string | null };
type Step =
  | { kind: "create"; district: string; category: string; anonymous: boolean }
  | { kind: "act"; pick: number; action: string; extra: number }
  | { kind: "tick"; hours: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  // Mostly the natural next step, so sequences reach replies, evaluations and reopens.
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("act" as const), pick: fc.nat(), action: fc.constant("advance"), extra: fc.nat() }) },
  fc.record({
    kind: fc.constant("create" as const),
    district: fc.constantFrom("东城区", "西城区"),
    category: fc.constantFrom("TRAFFIC_ORG", "ENFORCEMENT", "SERVICE", "ACCIDENT"),
    anonymous: fc.constantFrom(false, false, false, true),
  }),
  fc.record({
    kind: fc.constant("act" as const),
    pick: fc.nat(),
    action: fc.constantFrom("sign", "contact", "reply", "evaluate", "reopen", "return", "approveReturn", "invalidate", "merge", "supervise"),
    extra: fc.nat(),
  }),
  fc.record({ kind: fc.constant("tick" as const), hours: fc.integer({ min: 1, max: 24 * 40 }) }),
);

async function newTicket(step: Extract<Step, { kind: "create" }>): Promise<Created> {
  const body = {
    type: "COMPLAINT",
    category: step.category,
    title: "路口信号灯配时不合理",
    content: "早高峰左转信号太短，排队很长，请调整。",
    district: step.district,
    place: "光岳路与东昌路路口",
    ...(step.anonymous ? { anonymous: true } : { name: "王先生", phone: "13912340001" }),
  };
  const response = await create(
    await requestAs("dispatcher", "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  );
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

/** Who would take the step, and with what fields. Illegal steps are refused (403/409) — also fine. */
function stepBody(action: string, ticket: Created, others: Created[], extra: number): { user: string; fields: Record<string, unknown> } {
  const handler = HANDLER[ticket.ownerUnit ?? ""] ?? "zq1.handler";
  switch (action) {
    case "sign":
      return { user: handler, fields: {} };
    case "contact":
      return { user: handler, fields: { note: "电话联系群众了解情况" } };
    case "reply":
      return { user: handler, fields: { text: "经现场核实，已调整信号配时，感谢您的反映。" } };
    case "evaluate":
      return {
        user: "dispatcher",
        fields: { resolved: extra % 2 === 0, satisfaction: (["SATISFIED", "BASIC", "UNSATISFIED"] as const)[extra % 3] },
      };
    case "reopen":
      return { user: "manager", fields: { reason: "群众不满意，重新办理" } };
    case "return":
      return { user: handler, fields: { reason: "不属于本单位辖区", suggestedUnit: ticket.ownerUnit === "ZQ2" ? "ZQ1" : "ZQ2" } };
    case "approveReturn":
      return { user: "dispatcher", fields: { unit: ticket.ownerUnit === "ZQ2" ? "ZQ1" : "ZQ2" } };
    case "invalidate":
      return { user: "manager", fields: { reason: "SPAM" } };
    case "merge":
      return { user: "dispatcher", fields: { into: (others[extra % others.length] ?? ticket).no } };
    default:
      return { user: "manager", fields: { note: "请尽快办理" } };
  }
}

type Current = { version: number; status: string; firstContactAt: number | null; awaitingReview: boolean };

/** The step a ticket in this state would normally take next. */
function nextStep(t: Current): string {
  if (t.status === "DISPATCHED") return "sign";
  if (t.status === "IN_PROGRESS") return t.firstContactAt === null ? "contact" : "reply";
  if (t.status === "REPLIED") return "evaluate";
  return t.awaitingReview ? "reopen" : "supervise";
}

async function perform(ticket: Created, chosen: string, others: Created[], extra: number): Promise<void> {
  const row = await sql()
    .selectFrom("Ticket")
    .select(["version", "status", "firstContactAt", "awaitingReview"])
    .where("no", "=", ticket.no)
    .executeTakeFirstOrThrow();
  const current: Current = { ...row, firstContactAt: toMillis(row.firstContactAt), awaitingReview: toBoolean(row.awaitingReview) };
  const action = chosen === "advance" ? nextStep(current) : chosen;
  const { user, fields } = stepBody(action, ticket, others, extra);
  const request = await requestAs(user, `/api/v1/tickets/${ticket.no}/actions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action, version: current.version, ...fields }),
  });
  const response = await act(request, { params: Promise.resolve({ no: ticket.no }) });
  if (response.ok) ticket.ownerUnit = ((await response.json()) as Created).ownerUnit;
}

describe("aggregates under random workflow sequences", () => {
  it("always equal a full recount of the tickets", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 6, maxLength: 24 }), async (steps) => {
        const tickets: Created[] = [await newTicket({ kind: "create", district: "东城区", category: "TRAFFIC_ORG", anonymous: false })];
        let clock = Date.now();
        for (const step of steps) {
          if (step.kind === "create") tickets.push(await newTicket(step));
          else if (step.kind === "tick") {
            // The scheduler's jobs, as if time had moved on: deadlines cross, links expire.
            clock += step.hours * 3_600_000;
            await recordOverdue(new Date(clock));
            await expireEvaluations(new Date(clock));
          } else {
            const ticket = tickets[step.pick % tickets.length]!;
            await perform(ticket, step.action, tickets.filter((t) => t !== ticket), step.extra);
          }
        }
        // Read at several instants: before and after unrecorded contact deadlines passed.
        for (const now of [new Date(clock), new Date(clock + 3 * DAY), new Date(clock + 60 * DAY)]) {
          const kept = (await aggregateCounters(EVERYTHING, undefined, now)).get("")!;
          expect(kept).toEqual(await pureRecount(now));
          for (const groupBy of GROUP_BYS) {
            expect(await aggregateCounters(EVERYTHING, groupBy, now)).toEqual(await naiveCounters(EVERYTHING, groupBy, now));
          }
        }
      }),
      { numRuns: 8 },
    );
  }, 180_000);
});
