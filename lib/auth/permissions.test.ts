import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission, type Role } from "./permissions";

// The whole table, written out: a change to who may do what must change this test too.
const EXPECTED: Record<Permission, Role[]> = {
  "ticket:create": ["CITIZEN", "DISPATCHER"],
  "ticket:read:all": ["DISPATCHER", "MANAGER"],
  "ticket:read:unit": ["HANDLER", "LEAD"],
  "ticket:read:own": ["CITIZEN"],
  "ticket:handle": ["HANDLER", "LEAD"],
  "ticket:assign": ["LEAD"],
  "extension:decide": ["LEAD", "DISPATCHER"],
  "ticket:dispatch": ["DISPATCHER"],
  "callback:record": ["DISPATCHER"],
  "ticket:supervise": ["MANAGER"],
  "ticket:reopen": ["MANAGER"],
  "ticket:invalidate": ["MANAGER"],
  "return:override": ["MANAGER"],
  "metrics:read:all": ["DISPATCHER", "MANAGER"],
  "metrics:read:unit": ["HANDLER", "LEAD"],
  "dashboard:view": ["MANAGER", "LEAD"],
  "ticket:classify": ["DISPATCHER", "MANAGER", "ADMIN"],
  "import:run": ["DISPATCHER", "ADMIN"],
  "call:record": ["DISPATCHER"],
  "call:read": ["DISPATCHER", "MANAGER"],
  "call:import": ["DISPATCHER", "ADMIN"],
  "admin:manage": ["ADMIN"],
};

describe("role → permission table", () => {
  it("lists exactly the expected permissions", () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("refuses unknown roles, whatever the permission", () => {
    for (const permission of PERMISSIONS) {
      for (const role of ["SUPERUSER", "admin", "", null, undefined, 42, {}]) {
        expect(can(role, permission)).toBe(false);
      }
    }
  });

  it("refuses unknown permissions, including inherited object keys", () => {
    expect(can("ADMIN", "ticket:delete" as Permission)).toBe(false);
    expect(can("ADMIN", "toString" as Permission)).toBe(false);
    expect(can("ADMIN", "__proto__" as Permission)).toBe(false);
  });
});
