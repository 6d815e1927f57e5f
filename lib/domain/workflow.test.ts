import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadOfficialCalendar, WorkCalendar } from "./calendar";
import { EVENT_TYPES } from "./events";
import { parseLocalDateTime } from "./local-time";
import { DEFAULT_SETTINGS, type Settings } from "./settings";
import {
  ACTIONS,
  actionDecisions,
  availableActions,
  decide,
  parseActionInput,
  transition,
  type Action,
  type ActionInput,
  type Decision,
  type WorkflowActor,
  type WorkflowContext,
  type WorkflowTicket,
} from "./workflow";

const official = JSON.parse(readFileSync(new URL("../../prisma/data/holidays-cn.json", import.meta.url), "utf8"));
const calendar = new WorkCalendar(loadOfficialCalendar(official));
const settings: Settings = { ...DEFAULT_SETTINGS };

/** Shanghai local "YYYY-MM-DD HH:mm" → instant. */
function sh(text: string): Date {
  const instant = parseLocalDateTime(text);
  if (!instant) throw new Error(`bad test time ${text}`);
  return instant;
}

const CHINESE = /[\u4e00-\u9fff]/;
const NOW = sh("2026-01-14 10:00"); // a Wednesday

// ---- fixtures: one actor per role, plus a handler of another brigade and of an assisting unit ----

const ACTORS = {
  CITIZEN: { role: "CITIZEN", unitId: null },
  DISPATCHER: { role: "DISPATCHER", unitId: "ZHZX" },
  HANDLER: { role: "HANDLER", unitId: "ZQ1" },
  LEAD: { role: "LEAD", unitId: "ZQ1" },
  MANAGER: { role: "MANAGER", unitId: "ZD" },
  ADMIN: { role: "ADMIN", unitId: "ZD" },
  ZQ2_HANDLER: { role: "HANDLER", unitId: "ZQ2" },
  SG_ASSISTING: { role: "HANDLER", unitId: "SG" },
} as const satisfies Record<string, WorkflowActor>;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/** A ZQ1 ticket, dispatched an hour ago, contacted, SG asked to assist, well within its deadline. */
const BASE: WorkflowTicket = {
  status: "IN_PROGRESS",
  ownerUnitId: "ZQ1",
  squadronUnitId: null,
  assistingUnitIds: ["SG"],
  anonymous: false,
  returnPending: false,
  returnCount: 0,
  extensionPending: false,
  extendedDays: 0,
  reopenCount: 0,
  awaitingReview: false,
  firstContactAt: sh("2026-01-14 09:30"),
  dispatchedAt: sh("2026-01-14 09:00"),
  dueAt: sh("2026-01-21 10:00"),
  categoryCode: "TRAFFIC_ORG",
  coordinatedAt: null,
};

/** Every status of §4, and the flags that open or close actions on DISPATCHED/IN_PROGRESS/REPLIED. */
const VARIANTS = {
  PENDING: { status: "PENDING", ownerUnitId: null, assistingUnitIds: [], dispatchedAt: null, firstContactAt: null },
  DISPATCHED: { status: "DISPATCHED", firstContactAt: null },
  DISPATCHED_RETURN_PENDING: { status: "DISPATCHED", firstContactAt: null, returnPending: true },
  IN_PROGRESS: { status: "IN_PROGRESS" },
  IN_PROGRESS_RETURN_PENDING: { status: "IN_PROGRESS", returnPending: true },
  IN_PROGRESS_EXTENSION_PENDING: { status: "IN_PROGRESS", extensionPending: true },
  REPLIED: { status: "REPLIED" },
  REPLIED_AWAITING_REVIEW: { status: "REPLIED", awaitingReview: true },
  CLOSED: { status: "CLOSED" },
  MERGED: { status: "MERGED" },
  INVALID: { status: "INVALID" },
} as const satisfies Record<string, Partial<WorkflowTicket>>;
type VariantName = keyof typeof VARIANTS;

/** A valid form for every action, so the table tests the state machine, not the schemas. */
const SAMPLE_RAW: Record<Action, Record<string, unknown>> = {
  sign: {},
  contact: { note: "电话联系群众，核实了路口位置" },
  note: { text: "已到现场查看信号灯配时" },
  assist: { unit: "WCG", note: "请协助清理占道摊点" },
  assistReply: { text: "已安排城管队员清理" },
  return: { reason: "该路段属西城区辖区", suggestedUnit: "ZQ2" },
  approveReturn: { unit: "ZQ2" },
  rejectReturn: { reason: "该路口属东城区" },
  extend: { reason: "需协调交通运输局调整公交站", workingDays: 3 },
  approveExtension: {},
  rejectExtension: { reason: "无需延期" },
  reply: { text: "已调整该路口信号灯配时，早高峰绿灯延长 15 秒。" },
  evaluate: { resolved: true, satisfaction: "SATISFIED" },
  supervise: { note: "请本周内办结" },
  reopen: { reason: "群众反映问题仍未解决" },
  merge: { into: "20260114000001" },
  invalidate: { reason: "TEST" },
  dispatch: { unit: "ZQ1" },
  assign: { handler: "zq1.handler" },
  grade: { grade: "COMPLEX" },
  closeReview: { note: "已向群众解释政策，无需重办" },
};

function input<A extends Action>(action: A, raw: Record<string, unknown> = SAMPLE_RAW[action]): ActionInput<A> {
  const parsed = parseActionInput(action, raw, NOW);
  if (!parsed.ok) throw new Error(`${action}: ${JSON.stringify(parsed.errors)}`);
  return parsed.input;
}

function ticket(overrides: Partial<WorkflowTicket> = {}): WorkflowTicket {
  return { ...BASE, ...overrides };
}

function ctx(actor: WorkflowActor, t: WorkflowTicket, extra: Partial<WorkflowContext> = {}): WorkflowContext {
  return { actor, ticket: t, now: NOW, settings, calendar, ...extra };
}

function run<A extends Action>(
  action: A,
  actor: WorkflowActor,
  t: WorkflowTicket,
  extra: Partial<WorkflowContext> & { input?: ActionInput<A> } = {},
): Decision {
  const { input: given, ...rest } = extra;
  return decide({ ...ctx(actor, t, rest), action, input: given ?? input(action) });
}

function refusal(decision: Decision): { status: number; reason: string } {
  if (decision.allowed) throw new Error("expected a refusal, got allowed");
  return { status: decision.status, reason: decision.reason };
}

// ---- the whole table --------------------------------------------------------------------------
// A = allowed, F = 403 (this actor may never do it here), C = 409 (not in this state).
// Columns: CITIZEN DISPATCHER HANDLER LEAD MANAGER ADMIN ZQ2_HANDLER SG_ASSISTING
// The handler and lead belong to ZQ1 (the owner; a PENDING ticket has no owner yet).

type Row = Record<VariantName, string>;
const EXPECTED: Record<Action, Row> = {
  sign: {
    PENDING: /*                    */ "F F F F F F F F",
    DISPATCHED: /*                 */ "F F A A F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F A A F F F F",
    IN_PROGRESS: /*                */ "F F C C F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F C C F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F C C F F F F",
    REPLIED: /*                    */ "F F C C F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F C C F F F F",
    CLOSED: /*                     */ "F F C C F F F F",
    MERGED: /*                     */ "F F C C F F F F",
    INVALID: /*                    */ "F F C C F F F F",
  },
  contact: {
    PENDING: /*                    */ "F F F F F F F F",
    DISPATCHED: /*                 */ "F F C C F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F C C F F F F",
    IN_PROGRESS: /*                */ "F F A A F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F A A F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F A A F F F F",
    REPLIED: /*                    */ "F F C C F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F C C F F F F",
    CLOSED: /*                     */ "F F C C F F F F",
    MERGED: /*                     */ "F F C C F F F F",
    INVALID: /*                    */ "F F C C F F F F",
  },
  note: {
    PENDING: /*                    */ "F F F F F F F F",
    DISPATCHED: /*                 */ "F F C C F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F C C F F F F",
    IN_PROGRESS: /*                */ "F F A A F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F A A F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F A A F F F F",
    REPLIED: /*                    */ "F F C C F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F C C F F F F",
    CLOSED: /*                     */ "F F C C F F F F",
    MERGED: /*                     */ "F F C C F F F F",
    INVALID: /*                    */ "F F C C F F F F",
  },
  assist: {
    PENDING: /*                    */ "F F F F F F F F",
    DISPATCHED: /*                 */ "F F C C F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F C C F F F F",
    IN_PROGRESS: /*                */ "F F A A F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F A A F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F A A F F F F",
    REPLIED: /*                    */ "F F C C F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F C C F F F F",
    CLOSED: /*                     */ "F F C C F F F F",
    MERGED: /*                     */ "F F C C F F F F",
    INVALID: /*                    */ "F F C C F F F F",
  },
  assistReply: {
    PENDING: /*                    */ "F F F F F F F F",
    DISPATCHED: /*                 */ "F F F F F F F A",
    DISPATCHED_RETURN_PENDING: /*  */ "F F F F F F F A",
    IN_PROGRESS: /*                */ "F F F F F F F A",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F F F F F F A",
    IN_PROGRESS_EXTENSION_PENDING: "F F F F F F F A",
    REPLIED: /*                    */ "F F F F F F F A",
    REPLIED_AWAITING_REVIEW: /*    */ "F F F F F F F A",
    CLOSED: /*                     */ "F F F F F F F C",
    MERGED: /*                     */ "F F F F F F F C",
    INVALID: /*                    */ "F F F F F F F C",
  },
  return: {
    PENDING: /*                    */ "F F F F F F F F",
    DISPATCHED: /*                 */ "F F A A F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F C C F F F F",
    IN_PROGRESS: /*                */ "F F A A F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F C C F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F A A F F F F",
    REPLIED: /*                    */ "F F C C F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F C C F F F F",
    CLOSED: /*                     */ "F F C C F F F F",
    MERGED: /*                     */ "F F C C F F F F",
    INVALID: /*                    */ "F F C C F F F F",
  },
  approveReturn: {
    PENDING: /*                    */ "F C F F C F F F",
    DISPATCHED: /*                 */ "F C F F C F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F A F F C F F F",
    IN_PROGRESS: /*                */ "F C F F C F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F A F F C F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F C F F C F F F",
    REPLIED: /*                    */ "F C F F C F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F C F F C F F F",
    CLOSED: /*                     */ "F C F F C F F F",
    MERGED: /*                     */ "F C F F C F F F",
    INVALID: /*                    */ "F C F F C F F F",
  },
  rejectReturn: {
    PENDING: /*                    */ "F C F F F F F F",
    DISPATCHED: /*                 */ "F C F F F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F A F F F F F F",
    IN_PROGRESS: /*                */ "F C F F F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F A F F F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F C F F F F F F",
    REPLIED: /*                    */ "F C F F F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F C F F F F F F",
    CLOSED: /*                     */ "F C F F F F F F",
    MERGED: /*                     */ "F C F F F F F F",
    INVALID: /*                    */ "F C F F F F F F",
  },
  extend: {
    PENDING: /*                    */ "F F F F F F F F",
    DISPATCHED: /*                 */ "F F C C F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F C C F F F F",
    IN_PROGRESS: /*                */ "F F A A F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F C C F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F C C F F F F",
    REPLIED: /*                    */ "F F C C F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F C C F F F F",
    CLOSED: /*                     */ "F F C C F F F F",
    MERGED: /*                     */ "F F C C F F F F",
    INVALID: /*                    */ "F F C C F F F F",
  },
  approveExtension: {
    PENDING: /*                    */ "F C F F F F F F",
    DISPATCHED: /*                 */ "F C F C F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F C F C F F F F",
    IN_PROGRESS: /*                */ "F C F C F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F C F C F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F A F A F F F F",
    REPLIED: /*                    */ "F C F C F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F C F C F F F F",
    CLOSED: /*                     */ "F C F C F F F F",
    MERGED: /*                     */ "F C F C F F F F",
    INVALID: /*                    */ "F C F C F F F F",
  },
  rejectExtension: {
    PENDING: /*                    */ "F C F F F F F F",
    DISPATCHED: /*                 */ "F C F C F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F C F C F F F F",
    IN_PROGRESS: /*                */ "F C F C F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F C F C F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F A F A F F F F",
    REPLIED: /*                    */ "F C F C F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F C F C F F F F",
    CLOSED: /*                     */ "F C F C F F F F",
    MERGED: /*                     */ "F C F C F F F F",
    INVALID: /*                    */ "F C F C F F F F",
  },
  reply: {
    PENDING: /*                    */ "F F F F F F F F",
    DISPATCHED: /*                 */ "F F C C F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F C C F F F F",
    IN_PROGRESS: /*                */ "F F A A F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F C C F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F A A F F F F",
    REPLIED: /*                    */ "F F C C F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F C C F F F F",
    CLOSED: /*                     */ "F F C C F F F F",
    MERGED: /*                     */ "F F C C F F F F",
    INVALID: /*                    */ "F F C C F F F F",
  },
  evaluate: {
    PENDING: /*                    */ "F C F F F F F F",
    DISPATCHED: /*                 */ "F C F F F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F C F F F F F F",
    IN_PROGRESS: /*                */ "F C F F F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F C F F F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F C F F F F F F",
    REPLIED: /*                    */ "F A F F F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F C F F F F F F",
    CLOSED: /*                     */ "F C F F F F F F",
    MERGED: /*                     */ "F C F F F F F F",
    INVALID: /*                    */ "F C F F F F F F",
  },
  supervise: {
    PENDING: /*                    */ "F F F F A F F F",
    DISPATCHED: /*                 */ "F F F F A F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F F F A F F F",
    IN_PROGRESS: /*                */ "F F F F A F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F F F A F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F F F A F F F",
    REPLIED: /*                    */ "F F F F A F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F F F A F F F",
    CLOSED: /*                     */ "F F F F C F F F",
    MERGED: /*                     */ "F F F F C F F F",
    INVALID: /*                    */ "F F F F C F F F",
  },
  reopen: {
    PENDING: /*                    */ "F F F F C F F F",
    DISPATCHED: /*                 */ "F F F F C F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F F F C F F F",
    IN_PROGRESS: /*                */ "F F F F C F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F F F C F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F F F C F F F",
    REPLIED: /*                    */ "F F F F C F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F F F A F F F",
    CLOSED: /*                     */ "F F F F C F F F",
    MERGED: /*                     */ "F F F F C F F F",
    INVALID: /*                    */ "F F F F C F F F",
  },
  merge: {
    PENDING: /*                    */ "F A F F F F F F",
    DISPATCHED: /*                 */ "F A F F F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F A F F F F F F",
    IN_PROGRESS: /*                */ "F A F F F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F A F F F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F A F F F F F F",
    REPLIED: /*                    */ "F A F F F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F A F F F F F F",
    CLOSED: /*                     */ "F C F F F F F F",
    MERGED: /*                     */ "F C F F F F F F",
    INVALID: /*                    */ "F C F F F F F F",
  },
  invalidate: {
    PENDING: /*                    */ "F F F F A F F F",
    DISPATCHED: /*                 */ "F F F F A F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F F F A F F F",
    IN_PROGRESS: /*                */ "F F F F A F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F F F A F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F F F A F F F",
    REPLIED: /*                    */ "F F F F A F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F F F A F F F",
    CLOSED: /*                     */ "F F F F C F F F",
    MERGED: /*                     */ "F F F F C F F F",
    INVALID: /*                    */ "F F F F C F F F",
  },
  dispatch: {
    PENDING: /*                    */ "F A F F F F F F",
    DISPATCHED: /*                 */ "F C F F F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F C F F F F F F",
    IN_PROGRESS: /*                */ "F C F F F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F C F F F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F C F F F F F F",
    REPLIED: /*                    */ "F C F F F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F C F F F F F F",
    CLOSED: /*                     */ "F C F F F F F F",
    MERGED: /*                     */ "F C F F F F F F",
    INVALID: /*                    */ "F C F F F F F F",
  },
  assign: {
    PENDING: /*                    */ "F F F F F F F F",
    DISPATCHED: /*                 */ "F F F A F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F F A F F F F",
    IN_PROGRESS: /*                */ "F F F A F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F F A F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F F A F F F F",
    REPLIED: /*                    */ "F F F C F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F F C F F F F",
    CLOSED: /*                     */ "F F F C F F F F",
    MERGED: /*                     */ "F F F C F F F F",
    INVALID: /*                    */ "F F F C F F F F",
  },
  grade: {
    PENDING: /*                    */ "F F F F F F F F",
    DISPATCHED: /*                 */ "F F F A F F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F F A F F F F",
    IN_PROGRESS: /*                */ "F F F A F F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F F A F F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F F A F F F F",
    REPLIED: /*                    */ "F F F C F F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F F C F F F F",
    CLOSED: /*                     */ "F F F C F F F F",
    MERGED: /*                     */ "F F F C F F F F",
    INVALID: /*                    */ "F F F C F F F F",
  },
  closeReview: {
    PENDING: /*                    */ "F F F F C F F F",
    DISPATCHED: /*                 */ "F F F F C F F F",
    DISPATCHED_RETURN_PENDING: /*  */ "F F F F C F F F",
    IN_PROGRESS: /*                */ "F F F F C F F F",
    IN_PROGRESS_RETURN_PENDING: /* */ "F F F F C F F F",
    IN_PROGRESS_EXTENSION_PENDING: "F F F F C F F F",
    REPLIED: /*                    */ "F F F F C F F F",
    REPLIED_AWAITING_REVIEW: /*    */ "F F F F A F F F",
    CLOSED: /*                     */ "F F F F C F F F",
    MERGED: /*                     */ "F F F F C F F F",
    INVALID: /*                    */ "F F F F C F F F",
  },
};

function expectedCell(action: Action, variant: VariantName, actor: ActorName): string {
  const cells = EXPECTED[action][variant].split(" ");
  if (cells.length !== ACTOR_NAMES.length) throw new Error(`table row ${action}/${variant} has ${cells.length} cells`);
  return cells[ACTOR_NAMES.indexOf(actor)]!;
}

function cellOf(decision: Decision): string {
  return decision.allowed ? "A" : decision.status === 403 ? "F" : "C";
}

describe("the workflow table: every status × action × role", () => {
  it("covers exactly the actions and the statuses of §4", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    const statuses = new Set(Object.values(VARIANTS).map((v) => v.status));
    expect([...statuses].sort()).toEqual(["CLOSED", "DISPATCHED", "INVALID", "IN_PROGRESS", "MERGED", "PENDING", "REPLIED"]);
  });

  for (const action of ACTIONS) {
    describe(action, () => {
      for (const variant of Object.keys(VARIANTS) as VariantName[]) {
        it(`on ${variant}: ${EXPECTED[action][variant]}`, () => {
          const t = ticket(VARIANTS[variant]);
          const actual = ACTOR_NAMES.map((name) => {
            const decision = run(action, ACTORS[name], t);
            if (!decision.allowed) {
              expect(decision.reason, `${action}/${variant}/${name}`).toMatch(CHINESE);
              expect(decision.reason).not.toMatch(/undefined|null|NaN|\[object/);
            }
            return cellOf(decision);
          });
          expect(actual.join(" ")).toBe(ACTOR_NAMES.map((name) => expectedCell(action, variant, name)).join(" "));
        });
      }
    });
  }

  it("availableActions offers exactly the allowed cells of the table", () => {
    for (const variant of Object.keys(VARIANTS) as VariantName[]) {
      for (const name of ACTOR_NAMES) {
        const offered = availableActions(ctx(ACTORS[name], ticket(VARIANTS[variant])));
        const expected = ACTIONS.filter((action) => expectedCell(action, variant, name) === "A");
        expect(offered, `${variant}/${name}`).toEqual(expected);
      }
    }
  });
});

// ---- targeted rules -------------------------------------------------------------------------

describe("退单 (return) within 2 working hours of dispatch, on the official calendar", () => {
  const handler = ACTORS.HANDLER;
  const dispatchedFridayNight = ticket({ status: "DISPATCHED", firstContactAt: null, dispatchedAt: sh("2026-01-16 23:00") });

  it("counts only working hours across a weekend: Fri 23:00 → Mon 00:30 is 1.5 hours", () => {
    expect(run("return", handler, dispatchedFridayNight, { now: sh("2026-01-19 00:30") })).toEqual({ allowed: true });
  });

  it("allows the return at exactly 2 working hours and refuses it after", () => {
    expect(run("return", handler, dispatchedFridayNight, { now: sh("2026-01-19 01:00") })).toEqual({ allowed: true });
    const late = refusal(run("return", handler, dispatchedFridayNight, { now: sh("2026-01-19 01:30") }));
    expect(late.status).toBe(409);
    expect(late.reason).toContain("2 个工作小时");
    expect(late.reason).toContain("协办");
  });

  it("counts a make-up working Saturday (调休 2026-02-14) as working time", () => {
    const t = ticket({ status: "DISPATCHED", firstContactAt: null, dispatchedAt: sh("2026-02-13 23:00") });
    expect(refusal(run("return", handler, t, { now: sh("2026-02-14 01:30") })).status).toBe(409);
  });

  it("pauses over a public holiday (国庆 2026-10-01…07)", () => {
    const t = ticket({ status: "DISPATCHED", firstContactAt: null, dispatchedAt: sh("2026-09-30 23:30") });
    expect(run("return", handler, t, { now: sh("2026-10-08 01:00") })).toEqual({ allowed: true });
  });

  it("reads the window from the settings", () => {
    const late = { now: sh("2026-01-19 01:30") };
    expect(run("return", handler, dispatchedFridayNight, late).allowed).toBe(false);
    const wider = { ...settings, returnWindowWorkingHours: 4 };
    expect(run("return", handler, dispatchedFridayNight, { ...late, settings: wider })).toEqual({ allowed: true });
  });

  it("refuses a second return, and its approval, unless a manager overrides", () => {
    // The unit may ask again; the dispatcher cannot approve beyond the cap, a manager can.
    const returnedOnce = ticket({ returnCount: 1 });
    expect(run("return", handler, returnedOnce)).toEqual({ allowed: true });

    const pending = ticket({ returnCount: 1, returnPending: true });
    const capped = refusal(run("approveReturn", ACTORS.DISPATCHER, pending));
    expect(capped.status).toBe(409);
    expect(capped.reason).toContain("支队领导");
    expect(refusal(run("approveReturn", ACTORS.MANAGER, pending)).status).toBe(409);
    expect(run("approveReturn", ACTORS.MANAGER, pending, { override: true })).toEqual({ allowed: true });
    // Below the cap the manager does not decide returns.
    const first = refusal(run("approveReturn", ACTORS.MANAGER, ticket({ returnPending: true }), { override: true }));
    expect(first.reason).toContain("指挥中心坐席审核");
    // Rejecting is never capped: the owner keeps the ticket.
    expect(run("rejectReturn", ACTORS.DISPATCHER, pending)).toEqual({ allowed: true });
  });

  it("reads the cap from the settings", () => {
    const twoAllowed = { ...settings, maxApprovedReturns: 2 };
    const dispatcher = ACTORS.DISPATCHER;
    expect(run("approveReturn", dispatcher, ticket({ returnCount: 1, returnPending: true }), { settings: twoAllowed })).toEqual({ allowed: true });
    expect(run("approveReturn", dispatcher, ticket({ returnCount: 2, returnPending: true }), { settings: twoAllowed }).allowed).toBe(false);
  });
});

describe("延期 (extension)", () => {
  const handler = ACTORS.HANDLER;
  const dueSoon = ticket({ dueAt: sh("2026-01-14 10:01") });

  it("is allowed before the deadline and refused at or after it", () => {
    expect(run("extend", handler, dueSoon)).toEqual({ allowed: true });
    for (const now of [sh("2026-01-14 10:01"), sh("2026-01-15 09:00")]) {
      const late = refusal(run("extend", handler, dueSoon, { now }));
      expect(late.status).toBe(409);
      expect(late.reason).toContain("时限届满前");
    }
  });

  it("refuses 8 working days in the schema, with a Chinese message on the field", () => {
    const parsed = parseActionInput("extend", { reason: "需协调外部门", workingDays: 8 }, NOW);
    expect(parsed).toEqual({ ok: false, errors: [{ field: "workingDays", message: "延期最多 7 个工作日" }] });
    expect(parseActionInput("extend", { reason: "需协调外部门", workingDays: "7" }, NOW).ok).toBe(true);
    expect(parseActionInput("extend", { reason: "需协调外部门", workingDays: 0 }, NOW).ok).toBe(false);
    expect(parseActionInput("extend", { reason: "需协调外部门", workingDays: 2.5 }, NOW).ok).toBe(false);
  });

  it("refuses more days than an admin's lower setting", () => {
    const five = { ...settings, maxExtensionWorkingDays: 5 };
    const six = input("extend", { reason: "需协调外部门", workingDays: 6 });
    expect(refusal(run("extend", handler, ticket(), { settings: five, input: six })).reason).toContain("最多 5 个工作日");
    expect(run("extend", handler, ticket(), { settings: five, input: input("extend") })).toEqual({ allowed: true });
    // The button still shows: the form explains the limit.
    expect(availableActions(ctx(handler, ticket(), { settings: five }))).toContain("extend");
  });

  it("is granted once only", () => {
    const extended = refusal(run("extend", handler, ticket({ extendedDays: 3 })));
    expect(extended.status).toBe(409);
    expect(extended.reason).toContain("只能申请一次");
  });

  it("is decided by the owner unit's lead, not another brigade's", () => {
    const pending = ticket({ extensionPending: true });
    expect(run("approveExtension", ACTORS.LEAD, pending)).toEqual({ allowed: true });
    expect(refusal(run("approveExtension", { role: "LEAD", unitId: "ZQ2" }, pending)).status).toBe(403);
    expect(run("approveExtension", ACTORS.DISPATCHER, pending)).toEqual({ allowed: true });
  });
});

describe("答复 (reply)", () => {
  const handler = ACTORS.HANDLER;
  const nonPolice = ticket({ categoryCode: "NON_POLICE" });
  const coordination = {
    text: "已协调城市管理局清理占道摊点，现已恢复通行。",
    coordinatedWith: "城市管理局",
    coordinatedAt: "2026-01-14 09:00",
    coordinationAnswer: "已于当日清理",
  };

  it("refuses a 非警务 reply without the coordination, naming what is missing", () => {
    const missing = refusal(run("reply", handler, nonPolice));
    expect(missing.status).toBe(409);
    expect(missing.reason).toContain("非警务诉求须先记录协调的部门、时间和答复");
    expect(missing.reason).toContain("协调部门、协调时间、部门答复");

    const partial = input("reply", { text: coordination.text, coordinatedWith: "城市管理局" });
    const reason = refusal(run("reply", handler, nonPolice, { input: partial })).reason;
    expect(reason).toContain("协调时间、部门答复");
    expect(reason).not.toContain("协调部门");
  });

  it("allows a 非警务 reply with the coordination, or when it is already on the ticket", () => {
    expect(run("reply", handler, nonPolice, { input: input("reply", coordination) })).toEqual({ allowed: true });
    const recorded = ticket({ categoryCode: "NON_POLICE", coordinatedAt: sh("2026-01-14 08:00") });
    expect(run("reply", handler, recorded)).toEqual({ allowed: true });
  });

  it("still offers the reply button on a 非警务 ticket: the form asks for the coordination", () => {
    expect(availableActions(ctx(handler, nonPolice))).toContain("reply");
  });

  it("rejects a coordination time in the future as a field error", () => {
    const parsed = parseActionInput("reply", { ...coordination, coordinatedAt: "2026-01-14 11:00" }, NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([{ field: "coordinatedAt", message: expect.stringMatching(CHINESE) }]);
  });

  it("requires a recorded first contact (先联系后答复), except for anonymous tickets", () => {
    const notContacted = refusal(run("reply", handler, ticket({ firstContactAt: null })));
    expect(notContacted.status).toBe(409);
    expect(notContacted.reason).toContain("先联系后答复");
    expect(run("reply", handler, ticket({ firstContactAt: null, anonymous: true }))).toEqual({ allowed: true });
  });

  it("refuses a reply while a return request awaits the dispatcher", () => {
    expect(refusal(run("reply", handler, ticket({ returnPending: true }))).reason).toContain("退单申请正在审核中");
  });

  it("asks to sign first on an unsigned ticket (签收 then 办理)", () => {
    const unsigned = ticket({ status: "DISPATCHED" });
    for (const action of ["contact", "note", "assist", "extend", "reply"] as const) {
      const r = refusal(run(action, handler, unsigned));
      expect(r.status, action).toBe(409);
      expect(r.reason, action).toContain("请先签收");
    }
  });
});

describe("回访 and 重办", () => {
  const dispatcher = ACTORS.DISPATCHER;
  const manager = ACTORS.MANAGER;

  it("refuses to evaluate an anonymous ticket", () => {
    const replied = ticket({ status: "REPLIED" });
    expect(run("evaluate", dispatcher, replied)).toEqual({ allowed: true });
    const anonymous = refusal(run("evaluate", dispatcher, { ...replied, anonymous: true }));
    expect(anonymous.status).toBe(409);
    expect(anonymous.reason).toContain("匿名");
  });

  it("refuses to contact the citizen of an anonymous ticket", () => {
    expect(refusal(run("contact", ACTORS.HANDLER, ticket({ anonymous: true }))).reason).toContain("匿名");
  });

  it("refuses a reopen beyond maxReopens unless overridden", () => {
    const reopenedOnce = ticket({ status: "REPLIED", awaitingReview: true, reopenCount: 1 });
    const r = refusal(run("reopen", manager, reopenedOnce));
    expect(r.status).toBe(409);
    expect(r.reason).toContain("最多重办 1 次");
    expect(run("reopen", manager, reopenedOnce, { override: true })).toEqual({ allowed: true });
    expect(run("closeReview", manager, reopenedOnce)).toEqual({ allowed: true });
    expect(availableActions(ctx(manager, reopenedOnce))).not.toContain("reopen");
    expect(availableActions(ctx(manager, reopenedOnce, { override: true }))).toContain("reopen");
    const twice = { ...settings, maxReopens: 2 };
    expect(run("reopen", manager, reopenedOnce, { settings: twice })).toEqual({ allowed: true });
  });
});

describe("unit scope", () => {
  const HANDLER_ACTIONS = ["sign", "contact", "note", "assist", "return", "extend", "reply"] as const;
  /** A state in which the owner's handler may take each action, so only the unit can refuse it. */
  const WORKABLE: Record<(typeof HANDLER_ACTIONS)[number], Partial<WorkflowTicket>> = {
    sign: { status: "DISPATCHED" },
    contact: {},
    note: {},
    assist: {},
    return: {},
    extend: {},
    reply: {},
  };

  for (const action of HANDLER_ACTIONS) {
    it(`a ZQ2 handler may not ${action} a ZQ1 ticket (403), where the ZQ1 handler may`, () => {
      const t = ticket(WORKABLE[action]);
      expect(run(action, ACTORS.HANDLER, t)).toEqual({ allowed: true });
      const r = refusal(run(action, ACTORS.ZQ2_HANDLER, t));
      expect(r.status).toBe(403);
      expect(r.reason).toContain("不由本单位承办");
    });
  }

  it("an assisting unit may give its feedback but not reply to the citizen", () => {
    expect(run("assistReply", ACTORS.SG_ASSISTING, ticket())).toEqual({ allowed: true });
    expect(refusal(run("reply", ACTORS.SG_ASSISTING, ticket())).status).toBe(403);
    expect(refusal(run("assistReply", ACTORS.ZQ2_HANDLER, ticket())).reason).toContain("不是该工单的协办单位");
    expect(refusal(run("assistReply", ACTORS.DISPATCHER, ticket())).status).toBe(403);
  });

  it("the squadron a ticket is assigned to works it; another squadron does not", () => {
    const assigned = ticket({ status: "DISPATCHED", squadronUnitId: "ZQ1-1" });
    expect(run("sign", { role: "HANDLER", unitId: "ZQ1-1" }, assigned)).toEqual({ allowed: true });
    expect(refusal(run("sign", { role: "HANDLER", unitId: "ZQ1-2" }, assigned)).status).toBe(403);
  });

  it("fails closed on an unknown role, a user without a unit and an unknown action", () => {
    const t = ticket();
    for (const action of ACTIONS) {
      expect(run(action, { role: "SUPERUSER" as never, unitId: "ZQ1" }, t).allowed, action).toBe(false);
      expect(run(action, { role: "HANDLER", unitId: null }, t).allowed, action).toBe(false);
    }
    const unknown = decide({ ...ctx(ACTORS.MANAGER, t), action: "delete" as never, input: {} as never });
    expect(unknown).toEqual({ allowed: false, status: 403, reason: expect.stringMatching(CHINESE) });
  });

  it("explains the refusal of a finished ticket", () => {
    expect(refusal(run("supervise", ACTORS.MANAGER, ticket({ status: "MERGED" }))).reason).toContain("主工单");
    expect(refusal(run("merge", ACTORS.DISPATCHER, ticket({ status: "INVALID" }))).reason).toContain("无效");
    expect(refusal(run("invalidate", ACTORS.MANAGER, ticket({ status: "CLOSED" }))).reason).toContain("已办结");
  });

  it("gives every refused action a reason in actionDecisions", () => {
    const decisions = actionDecisions(ctx(ACTORS.HANDLER, ticket({ status: "REPLIED" })));
    expect(decisions.reply).toMatchObject({ allowed: false, status: 409 });
    expect(decisions.evaluate).toMatchObject({ allowed: false, status: 403 });
  });
});

// ---- transition ------------------------------------------------------------------------------

describe("transition", () => {
  const EXPECTED_STEPS: Record<Action, [from: WorkflowTicket["status"], to: WorkflowTicket["status"], event: string]> = {
    sign: ["DISPATCHED", "IN_PROGRESS", "SIGNED"],
    contact: ["IN_PROGRESS", "IN_PROGRESS", "CONTACTED"],
    note: ["IN_PROGRESS", "IN_PROGRESS", "NOTE"],
    assist: ["IN_PROGRESS", "IN_PROGRESS", "ASSIST_REQUESTED"],
    assistReply: ["REPLIED", "REPLIED", "ASSIST_REPLIED"],
    return: ["DISPATCHED", "DISPATCHED", "RETURN_REQUESTED"],
    approveReturn: ["IN_PROGRESS", "DISPATCHED", "RETURN_APPROVED"],
    rejectReturn: ["IN_PROGRESS", "IN_PROGRESS", "RETURN_REJECTED"],
    extend: ["IN_PROGRESS", "IN_PROGRESS", "EXTENSION_REQUESTED"],
    approveExtension: ["IN_PROGRESS", "IN_PROGRESS", "EXTENSION_APPROVED"],
    rejectExtension: ["IN_PROGRESS", "IN_PROGRESS", "EXTENSION_REJECTED"],
    reply: ["IN_PROGRESS", "REPLIED", "REPLIED"],
    evaluate: ["REPLIED", "CLOSED", "EVALUATED"],
    supervise: ["DISPATCHED", "DISPATCHED", "SUPERVISED"],
    reopen: ["REPLIED", "IN_PROGRESS", "REOPENED"],
    merge: ["PENDING", "MERGED", "MERGED"],
    invalidate: ["IN_PROGRESS", "INVALID", "INVALIDATED"],
    dispatch: ["PENDING", "DISPATCHED", "DISPATCHED"],
    assign: ["DISPATCHED", "DISPATCHED", "ASSIGNED"],
    grade: ["IN_PROGRESS", "IN_PROGRESS", "GRADED"],
    closeReview: ["REPLIED", "CLOSED", "CLOSED"],
  };

  for (const action of ACTIONS) {
    const [from, to, event] = EXPECTED_STEPS[action];
    it(`${action}: ${from} → ${to}, event ${event} with its visibility`, () => {
      const result = transition(action, from, input(action));
      expect(result.status).toBe(to);
      expect(result.event).toBe(event);
      expect(result.visibility).toBe(EVENT_TYPES[result.event].visibility);
    });
  }

  it("keeps an unsatisfied ticket 已答复 and waiting for the manager", () => {
    const unsatisfied = input("evaluate", { resolved: false, satisfaction: "UNSATISFIED" });
    expect(transition("evaluate", "REPLIED", unsatisfied)).toMatchObject({ status: "REPLIED", awaitingReview: true });
    expect(transition("evaluate", "REPLIED", input("evaluate", { resolved: "是", satisfaction: "BASIC" }))).toMatchObject({
      status: "CLOSED",
      awaitingReview: false,
    });
    expect(transition("reopen", "REPLIED", input("reopen"))).toMatchObject({ awaitingReview: false });
    expect(transition("closeReview", "REPLIED", input("closeReview"))).toMatchObject({ awaitingReview: false });
  });

  it("shows the citizen replies, extensions, reopens and closing, never internal steps", () => {
    expect(transition("reply", "IN_PROGRESS", input("reply"))).toMatchObject({ visibility: "PUBLIC", notifyCitizen: true });
    expect(transition("approveExtension", "IN_PROGRESS", {})).toMatchObject({ visibility: "PUBLIC", notifyCitizen: true });
    expect(transition("return", "DISPATCHED", input("return"))).toMatchObject({ visibility: "INTERNAL", notifyCitizen: false });
    for (const action of ACTIONS) {
      const result = transition(action, EXPECTED_STEPS[action][0], input(action));
      if (result.notifyCitizen) expect(result.visibility, action).toBe("PUBLIC");
    }
  });
});

// ---- schemas ---------------------------------------------------------------------------------

describe("action input schemas", () => {
  it("accepts every sample and strips action and version", () => {
    for (const action of ACTIONS) {
      const parsed = parseActionInput(action, { action, version: 3, ...SAMPLE_RAW[action] }, NOW);
      expect(parsed.ok, action).toBe(true);
      if (parsed.ok) expect(parsed.input, action).not.toHaveProperty("version");
    }
  });

  it("explains every missing required field in Chinese", () => {
    for (const action of ACTIONS) {
      const parsed = parseActionInput(action, {}, NOW);
      if (parsed.ok) {
        expect(["sign", "approveExtension"], `${action} has required fields`).toContain(action);
        continue;
      }
      for (const error of parsed.errors) expect(error.message, `${action}.${error.field}`).toMatch(CHINESE);
    }
  });

  it("says what to fix", () => {
    const errorsOf = (action: Action, raw: unknown) => {
      const parsed = parseActionInput(action, raw, NOW);
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errorsOf("return", { reason: "不是", suggestedUnit: "ZQ2" })).toEqual([
      { field: "reason", message: "退单理由至少 4 个字，请写明不属于本单位职责的依据" },
    ]);
    expect(errorsOf("return", { reason: "属西城区辖区", suggestedUnit: "" })).toEqual([
      { field: "suggestedUnit", message: "请选择建议承办单位" },
    ]);
    expect(errorsOf("reply", { text: "已处理" })).toEqual([{ field: "text", message: "答复内容至少 10 个字，请写明办理结果" }]);
    expect(errorsOf("contact", { note: "好" })[0]?.field).toBe("note");
    expect(errorsOf("merge", { into: "123" })[0]?.message).toContain("14 位数字");
    expect(errorsOf("invalidate", { reason: "不想办" })[0]?.message).toContain("SPAM");
    expect(errorsOf("assign", {})).toEqual([{ field: "handler", message: "请选择承办民警或承办中队（至少一项）" }]);
    expect(errorsOf("grade", { grade: "HARD" })[0]?.message).toContain("疑难");
    expect(errorsOf("evaluate", { resolved: "maybe", satisfaction: "OK" }).map((e) => e.field)).toEqual([
      "resolved",
      "satisfaction",
    ]);
    expect(errorsOf("assist", { unit: "WCG", note: "请协助", dueAt: "2026-01-14 09:00" })).toEqual([
      { field: "dueAt", message: "协办期限应晚于当前时间" },
    ]);
    expect(errorsOf("supervise", { note: "请尽快", dueAt: "明天" })[0]?.field).toBe("dueAt");
  });

  it("reads local times as Shanghai time and ISO times with their offset", () => {
    const local = parseActionInput("supervise", { note: "请尽快办结", dueAt: "2026-01-15T18:00" }, NOW);
    const iso = parseActionInput("supervise", { note: "请尽快办结", dueAt: "2026-01-15T10:00:00Z" }, NOW);
    expect(local.ok && local.input.dueAt?.toISOString()).toBe("2026-01-15T10:00:00.000Z");
    expect(iso.ok && iso.input.dueAt?.toISOString()).toBe("2026-01-15T10:00:00.000Z");
  });

  it("normalises codes: unit codes upper-case, 无效 reasons from their Chinese label", () => {
    const dispatch = parseActionInput("dispatch", { unit: " zq1 " }, NOW);
    expect(dispatch.ok && dispatch.input.unit).toBe("ZQ1");
    const invalid = parseActionInput("invalidate", { reason: "恶作剧" }, NOW);
    expect(invalid.ok && invalid.input.reason).toBe("PRANK");
  });

  it("refuses an unknown action", () => {
    expect(parseActionInput("delete" as Action, {}, NOW)).toEqual({
      ok: false,
      errors: [{ field: "action", message: "未知的操作「delete」" }],
    });
  });
});
