import { describe, expect, it } from "vitest";
import type { Actor, ApiClientActor } from "./actor";
import type { Role } from "./permissions";
import { assertCanReadTicket, canReadTicket, handlesTicket, seesCitizenPhone, ticketNotFound, type TicketScope } from "./ticket-access";

function actor(role: Role, unitId: string | null, userId = `u-${role}-${unitId}`): Actor {
  return { userId, username: userId, displayName: userId, role, unitId, unitCode: unitId, unitName: unitId, phone: null };
}

const zq1Ticket: TicketScope = { ownerUnitId: "ZQ1", squadronUnitId: null, citizenUserId: "citizen-1", assistingUnitIds: ["WCG"] };

describe("ticket access", () => {
  it("handlers and leads read only their own unit's tickets", () => {
    expect(canReadTicket(actor("HANDLER", "ZQ1"), zq1Ticket)).toBe(true);
    expect(canReadTicket(actor("LEAD", "ZQ1"), zq1Ticket)).toBe(true);
    expect(canReadTicket(actor("HANDLER", "ZQ2"), zq1Ticket)).toBe(false);
    expect(canReadTicket(actor("HANDLER", null), zq1Ticket)).toBe(false);
  });

  it("an assisting unit reads the ticket but does not handle it or see the phone", () => {
    const wcg = actor("HANDLER", "WCG");
    expect(canReadTicket(wcg, zq1Ticket)).toBe(true);
    expect(handlesTicket(wcg, zq1Ticket)).toBe(false);
    expect(seesCitizenPhone(wcg, zq1Ticket)).toBe(false);
  });

  it("a squadron reads and handles the tickets assigned to it", () => {
    const squadron = actor("HANDLER", "ZQ1-1");
    const assigned = { ...zq1Ticket, squadronUnitId: "ZQ1-1" };
    expect(canReadTicket(squadron, zq1Ticket)).toBe(false);
    expect(canReadTicket(squadron, assigned)).toBe(true);
    expect(handlesTicket(squadron, assigned)).toBe(true);
  });

  it("dispatchers and managers read every unit; only dispatchers and handlers see the phone", () => {
    expect(canReadTicket(actor("DISPATCHER", "ZHZX"), zq1Ticket)).toBe(true);
    expect(canReadTicket(actor("MANAGER", "ZD"), zq1Ticket)).toBe(true);
    expect(seesCitizenPhone(actor("DISPATCHER", "ZHZX"), zq1Ticket)).toBe(true);
    expect(seesCitizenPhone(actor("MANAGER", "ZD"), zq1Ticket)).toBe(false);
    expect(seesCitizenPhone(actor("HANDLER", "ZQ1"), zq1Ticket)).toBe(true);
  });

  it("citizens read only their own tickets", () => {
    expect(canReadTicket(actor("CITIZEN", null, "citizen-1"), zq1Ticket)).toBe(true);
    expect(canReadTicket(actor("CITIZEN", null, "citizen-2"), zq1Ticket)).toBe(false);
  });

  it("ADMIN administers and reads no tickets", () => {
    expect(canReadTicket(actor("ADMIN", "ZD"), zq1Ticket)).toBe(false);
  });

  it("a ticket out of scope is refused exactly like a number that does not exist (404)", () => {
    const refusal = (() => {
      try {
        assertCanReadTicket(actor("HANDLER", "ZQ2"), zq1Ticket, "20260115000123");
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toEqual(ticketNotFound("20260115000123"));
    expect(refusal).toMatchObject({ status: 404, message: "工单 20260115000123 不存在" });
    expect(() => assertCanReadTicket(actor("HANDLER", "ZQ1"), zq1Ticket, "20260115000123")).not.toThrow();
  });

  it("an unknown role reads nothing", () => {
    expect(canReadTicket(actor("ROOT" as Role, "ZQ1"), zq1Ticket)).toBe(false);
  });

  it("an API client reads what it submitted and, by scope, its owner unit's tickets; it sees only the phone it sent", () => {
    const client = (scopes: ApiClientActor["scopes"]): ApiClientActor => ({ kind: "apiClient", clientId: "c1", name: "12345", unitId: "ZQ1", channel: "API", scopes });
    const submitted = { ...zq1Ticket, ownerUnitId: "ZQ2", apiClientId: "c1" };
    const assisted = { ...zq1Ticket, ownerUnitId: "ZQ2", assistingUnitIds: ["ZQ1"] };
    expect(canReadTicket(client(["tickets:read:own"]), submitted)).toBe(true);
    expect(canReadTicket(client(["tickets:read:own"]), zq1Ticket)).toBe(false);
    expect(canReadTicket(client(["tickets:read:unit"]), zq1Ticket)).toBe(true);
    expect(canReadTicket(client(["tickets:read:unit"]), assisted)).toBe(true);
    expect(canReadTicket(client(["tickets:read:unit"]), submitted)).toBe(false);
    expect(canReadTicket(client(["tickets:submit"]), submitted)).toBe(false);
    expect(canReadTicket(client(["tickets:read:own"]), { ...submitted, apiClientId: "c2" })).toBe(false);
    expect(seesCitizenPhone(client(["tickets:read:own", "tickets:read:unit"]), submitted)).toBe(true);
    expect(seesCitizenPhone(client(["tickets:read:own", "tickets:read:unit"]), zq1Ticket)).toBe(false);
  });
});
