import { describe, expect, it } from "vitest";
import { myQueueRule, needsMyAction, type QueueTicket } from "@/lib/domain/my-queue";

const base: QueueTicket = { status: "DISPATCHED", inScope: true, returnPending: false, extensionPending: false, awaitingReview: false, assistRequested: false };
const t = (change: Partial<QueueTicket>): QueueTicket => ({ ...base, ...change });

describe("我的待办 rule per role", () => {
  it("dispatcher: 待派单 and pending 退单 / 延期 requests, nothing else", () => {
    const rule = myQueueRule("DISPATCHER")!;
    expect(needsMyAction(rule, t({ status: "PENDING" }))).toBe(true);
    expect(needsMyAction(rule, t({ status: "IN_PROGRESS", returnPending: true }))).toBe(true);
    expect(needsMyAction(rule, t({ status: "IN_PROGRESS", extensionPending: true }))).toBe(true);
    expect(needsMyAction(rule, t({ status: "DISPATCHED" }))).toBe(false);
    expect(needsMyAction(rule, t({ status: "MERGED" }))).toBe(false);
  });

  for (const role of ["HANDLER", "LEAD"] as const) {
    it(`${role}: the unit's tickets to sign, contact, handle and answer, and 协办 requests`, () => {
      const rule = myQueueRule(role)!;
      expect(rule.assignedFirst).toBe(true);
      expect(needsMyAction(rule, t({ status: "DISPATCHED" }))).toBe(true);
      expect(needsMyAction(rule, t({ status: "IN_PROGRESS" }))).toBe(true);
      expect(needsMyAction(rule, t({ status: "IN_PROGRESS", inScope: false }))).toBe(false);
      expect(needsMyAction(rule, t({ status: "IN_PROGRESS", inScope: false, assistRequested: true }))).toBe(true);
      // Waiting for the dispatcher's decision, or no longer open: not the unit's to act on.
      expect(needsMyAction(rule, t({ status: "IN_PROGRESS", returnPending: true }))).toBe(false);
      for (const status of ["PENDING", "REPLIED", "CLOSED", "MERGED", "INVALID"] as const) {
        expect(needsMyAction(rule, t({ status }))).toBe(false);
      }
    });
  }

  it("manager: 不满意 tickets awaiting the review decision", () => {
    const rule = myQueueRule("MANAGER")!;
    expect(needsMyAction(rule, t({ status: "REPLIED", awaitingReview: true }))).toBe(true);
    expect(needsMyAction(rule, t({ status: "REPLIED" }))).toBe(false);
    expect(needsMyAction(rule, t({ status: "PENDING" }))).toBe(false);
  });

  it("citizens and admins have no workbench queue", () => {
    expect(myQueueRule("CITIZEN")).toBeNull();
    expect(myQueueRule("ADMIN")).toBeNull();
  });
});
