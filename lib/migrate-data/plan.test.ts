import { describe, expect, it } from "vitest";
import { copyPlan, missingTables, REBUILT_TABLES, rowsPerInsert, type TableShape } from "./plan";

const shape = (name: string, references: [string, string][] = [], primaryKey = ["id"]): TableShape => ({
  name,
  columns: [...primaryKey, ...references.map(([column]) => column)],
  primaryKey,
  references: references.map(([column, table]) => ({ column, table })),
});

describe("copyPlan", () => {
  const tables = [
    shape("TicketEvent", [["ticketId", "Ticket"], ["actorId", "User"], ["actorUnitId", "Unit"]]),
    shape("Ticket", [["mergedIntoId", "Ticket"], ["ownerUnitId", "Unit"], ["handlerId", "User"], ["categoryCode", "Category"]]),
    shape("User", [["unitId", "Unit"]]),
    shape("Unit", [["parentId", "Unit"]]),
    shape("Category", [], ["code"]),
    shape("MetricMonthly", [], ["month", "unitId", "categoryCode", "channel"]),
  ];

  it("puts every table after the tables it references, ties in name order", () => {
    expect(copyPlan(tables).map((t) => t.name)).toEqual(["Category", "Unit", "User", "Ticket", "TicketEvent"]);
  });

  it("leaves the metric tables to the target's recount", () => {
    expect(REBUILT_TABLES).toEqual(["MetricDaily", "MetricMonthly"]);
    expect(copyPlan(tables).some((t) => REBUILT_TABLES.includes(t.name))).toBe(false);
  });

  it("defers the columns that reference their own table, and only those", () => {
    const plan = copyPlan(tables);
    expect(plan.find((t) => t.name === "Unit")?.selfReferences).toEqual(["parentId"]);
    expect(plan.find((t) => t.name === "Ticket")?.selfReferences).toEqual(["mergedIntoId"]);
    expect(plan.find((t) => t.name === "User")?.selfReferences).toEqual([]);
  });

  it("refuses a cycle between tables, a table without primary key and a reference to no table", () => {
    expect(() => copyPlan([shape("A", [["b", "B"]]), shape("B", [["a", "A"]])])).toThrow("循环引用（A、B）");
    expect(() => copyPlan([shape("A", [], [])])).toThrow("表 A 没有主键");
    expect(() => copyPlan([shape("A", [["b", "B"]])])).toThrow("引用了不存在的表 B");
  });
});

describe("missingTables", () => {
  it("names the models the source has no table for", () => {
    expect(missingTables(["Unit", "Ticket", "NewModel"], [shape("Unit"), shape("Ticket")])).toEqual(["NewModel"]);
  });
});

describe("rowsPerInsert", () => {
  it("stays within PostgreSQL's 65,535 parameters per statement and within a page", () => {
    expect(rowsPerInsert(67, 2000)).toBe(978);
    expect(rowsPerInsert(67, 2000) * 67).toBeLessThanOrEqual(65_535);
    expect(rowsPerInsert(8, 2000)).toBe(2000);
    expect(rowsPerInsert(100_000, 2000)).toBe(1);
  });
});
