import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importTickets } from "@/lib/dal/import-tickets";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import { parseImportFile } from "@/lib/import";
import { actorOf } from "../support/actors";

const FIXTURES = path.resolve("lib/import/fixtures");
const SAMPLE = readFileSync(path.join(FIXTURES, "sample-12345-import.csv"));
const SAMPLE_GB18030 = readFileSync(path.join(FIXTURES, "sample-gb18030.csv"));
const bytes = (text: string) => new TextEncoder().encode(text);

// The file's own facts, read with a plain split (the sample has no quoted cells), so the
// expectations come from the file and not from the code under test.
const sampleText = SAMPLE.toString("utf8").replace(/^\uFEFF/, "");
const [headerLine, ...dataLines] = sampleText.trim().split(/\r?\n/);
const header = headerLine!.split(",");
const records = dataLines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [header[i]!, cell])));
const countWhere = (test: (r: Record<string, string>) => boolean) => records.filter(test).length;
const expectedStatus = (r: Record<string, string>) =>
  r["办结时间"] ? "CLOSED" : r["答复时间"] ? "REPLIED" : r["签收时间"] || r["首次联系时间"] ? "IN_PROGRESS" : r["承办单位"] ? "DISPATCHED" : "PENDING";
const SAMPLE_IDS = { externalId: { startsWith: "SAMPLE" } };

/** Shanghai wall-clock time → instant. */
const local = (text: string) => new Date(`${text.replace(" ", "T")}:00+08:00`);

describe("12345 import (importTickets)", () => {
  it("imports the sample batch with statuses, owners, clocks, events and evaluations from the file", async () => {
    const admin = await actorOf("admin");
    const before = await db.ticket.count();
    const result = await importTickets(admin, "sample-12345-import.csv", SAMPLE);
    expect(result).toEqual({ ok: true, imported: 20, skipped: 0, encoding: "utf-8" });
    expect(await db.ticket.count()).toBe(before + 20);

    const tickets = await db.ticket.findMany({ where: SAMPLE_IDS, include: { ownerUnit: true, evaluations: true, events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } });
    const byId = new Map(tickets.map((t) => [t.externalId!, t]));
    const statuses: Record<string, number> = {};
    for (const t of tickets) statuses[t.status] = (statuses[t.status] ?? 0) + 1;
    const fileStatuses: Record<string, number> = {};
    for (const r of records) fileStatuses[expectedStatus(r)] = (fileStatuses[expectedStatus(r)] ?? 0) + 1;
    expect(statuses).toEqual(fileStatuses);
    expect(statuses.CLOSED).toBe(countWhere((r) => r["办结时间"] !== ""));

    // 承办单位 by full name: owned by SG although routing would send 便民服务 to CGS.
    const s1 = byId.get("SAMPLE0001")!;
    expect(s1.ownerUnit?.code).toBe("SG");
    expect(s1.events.find((e) => e.type === "DISPATCHED")?.payload).toContain("导入文件指定承办单位");
    expect(s1.events.some((e) => e.type === "ROUTED")).toBe(false);
    // Empty 承办单位: routed by the rules (便民服务 → CGS), with the rule on the ROUTED event.
    const s3 = byId.get("SAMPLE0003")!;
    expect(s3.ownerUnit?.code).toBe("CGS");
    expect(s3.events.map((e) => e.type)).toEqual(["RECEIVED", "ROUTED", "DISPATCHED", "SIGNED", "CONTACTED", "REPLIED", "CLOSED", "IMPORTED"]);
    expect(s3).toMatchObject({ satisfaction: "NONE", resolved: null });
    // A closed ticket no rule can place (no district in the address) keeps no owner.
    const s15 = byId.get("SAMPLE0015")!;
    expect(s15).toMatchObject({ status: "CLOSED", ownerUnitId: null });
    expect(s15.events.map((e) => e.type)).toContain("ROUTING_FAILED");

    // Historical clocks, numbers from the receipt day, deadlines from receipt, channel from the row.
    const s0 = byId.get("SAMPLE0000")!;
    expect(s0).toMatchObject({
      status: "CLOSED",
      channel: "PHONE_12123",
      title: "学校门口上下学时段拥堵严重",
      receivedAt: local("2025-03-02 02:59"),
      dispatchedAt: local("2025-03-02 02:59"),
      signedAt: local("2025-03-02 03:37"),
      closedAt: local("2025-03-07 04:37"),
      signDueAt: local("2025-03-02 03:59"),
      contactDueAt: local("2025-03-03 02:59"),
      escalationAt: null,
      resolved: true,
      satisfaction: "SATISFIED",
      evaluatedAt: local("2025-03-07 04:37"),
    });
    expect(s0.no).toMatch(/^20250302\d{6}$/);
    expect(s0.events.find((e) => e.type === "SIGNED")?.createdAt).toEqual(local("2025-03-02 03:37"));
    const imported = s0.events.find((e) => e.type === "IMPORTED")!;
    expect(imported).toMatchObject({ visibility: "INTERNAL", actorId: admin.userId });
    expect(JSON.parse(imported.payload)).toMatchObject({ externalId: "SAMPLE0000", file: "sample-12345-import.csv" });
    expect(s0.evaluations).toEqual([expect.objectContaining({ source: "IMPORT", resolved: true, satisfaction: "SATISFIED", round: 1 })]);
    // Same-day receipts are numbered in receipt order.
    const march3 = ["SAMPLE0002", "SAMPLE0003", "SAMPLE0004"].map((id) => byId.get(id)!.no);
    // (consecutive numbers after whatever that day already had: the demo history uses some)
    const first = Number(march3[0]!.slice(8));
    expect(march3).toEqual([0, 1, 2].map((i) => `20250303${String(first + i).padStart(6, "0")}`));
    // Open tickets keep their open deadline for the workbench and the scheduler.
    const s6 = byId.get("SAMPLE0006")!;
    expect(s6).toMatchObject({ status: "IN_PROGRESS", satisfaction: null });
    expect(s6.escalationAt).toEqual(s6.dueAt);

    const evaluations = await db.evaluation.count({ where: { ticket: SAMPLE_IDS, source: "IMPORT" } });
    expect(evaluations).toBe(countWhere((r) => r["办结时间"] !== "" && r["满意度"] !== ""));
    // Historical tickets send no SMS.
    expect(await db.notification.count({ where: { ticket: SAMPLE_IDS } })).toBe(0);
  });

  it("keeps the rates' inputs equal to the file's (解决, 满意度)", async () => {
    const closed = { ...SAMPLE_IDS, status: "CLOSED" as const };
    expect(await db.ticket.count({ where: { ...closed, resolved: true } })).toBe(countWhere((r) => r["办结时间"] !== "" && r["是否解决"] === "是"));
    expect(await db.ticket.count({ where: { ...closed, resolved: false } })).toBe(countWhere((r) => r["办结时间"] !== "" && r["是否解决"] === "否"));
    const labels = { SATISFIED: "满意", BASIC: "基本满意", UNSATISFIED: "不满意", NONE: "未评价" } as const;
    for (const [code, label] of Object.entries(labels)) {
      const count = await db.ticket.count({ where: { ...closed, satisfaction: code as keyof typeof labels } });
      expect(count, label).toBe(countWhere((r) => r["办结时间"] !== "" && r["满意度"] === label));
    }
  });

  it("adds nothing on re-import: every row is skipped and no number is used up", async () => {
    const before = await db.ticket.count();
    const sequences = await db.ticketSequence.findMany({ orderBy: { day: "asc" } });
    const result = await importTickets(await actorOf("dispatcher"), "sample-12345-import.csv", SAMPLE);
    expect(result).toEqual({ ok: true, imported: 0, skipped: 20, encoding: "utf-8" });
    expect(await db.ticket.count()).toBe(before);
    expect(await db.ticketSequence.findMany({ orderBy: { day: "asc" } })).toEqual(sequences);
  });

  it("reads the GB18030 copy as the same rows, and skips them as already imported", async () => {
    const utf8 = await parseImportFile("a.csv", SAMPLE);
    const gb = await parseImportFile("b.csv", SAMPLE_GB18030);
    expect(gb).toEqual(utf8);
    const before = await db.ticket.count();
    const result = await importTickets(await actorOf("admin"), "sample-gb18030.csv", SAMPLE_GB18030);
    expect(result).toEqual({ ok: true, imported: 0, skipped: 20, encoding: "gb18030" });
    expect(await db.ticket.count()).toBe(before);
  });

  it("rejects a broken file with every line and column, and writes nothing", async () => {
    const broken = sampleText
      .replaceAll("SAMPLE", "BROKEN")
      .replace("13830573909,事故处理大队", "13830573909,不存在大队") // line 3
      .replace("13187891151", "1318789") // line 4
      .replace("13173833652,ZQ3", "13173833652,WCG"); // line 6: an external partner cannot own a ticket
    const before = await db.ticket.count();
    const result = await importTickets(await actorOf("admin"), "broken.csv", bytes(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(({ line, column }) => ({ line, column }))).toEqual([
      { line: 3, column: "承办单位" },
      { line: 4, column: "联系电话" },
      { line: 6, column: "承办单位" },
    ]);
    expect(result.errors[0]!.reason).toContain("不存在大队");
    expect(result.errors[2]!.reason).toContain("外部协作部门");
    expect(await db.ticket.count()).toBe(before);
    expect(await db.ticket.count({ where: { externalId: { startsWith: "BROKEN" } } })).toBe(0);
  });

  it("routes by the district named in the address, and gives a squadron's ticket to its brigade", async () => {
    const rows = [
      "X-1,12345,2025-04-01 09:00,投诉,执勤执法,东城区光岳路小区门口长期违法停车,东城区光岳路88号,王先生,13900000001,,,,,,,",
      "X-2,12345,2025-04-01 10:00,投诉,执勤执法,路口违法停车严重,光岳路12号,王先生,13900000002,ZQ1-1,2025-04-01 10:30,,,,,",
      "X-3,微信,2025-04-01 11:00,咨询,交通组织,路口信号灯不亮,光岳路13号,,,,,,,,,",
    ];
    const result = await importTickets(await actorOf("admin"), "extra.csv", bytes([header.join(","), ...rows].join("\n")));
    expect(result).toMatchObject({ ok: true, imported: 3, skipped: 0 });
    const byId = new Map(
      (await db.ticket.findMany({ where: { externalId: { startsWith: "X-" } }, include: { ownerUnit: true, squadronUnit: true } })).map((t) => [t.externalId, t]),
    );
    expect(byId.get("X-1")).toMatchObject({ status: "DISPATCHED", district: "东城区", ownerUnit: { code: "ZQ1" }, signDueAt: local("2025-04-01 10:00") });
    expect(byId.get("X-2")).toMatchObject({ status: "IN_PROGRESS", ownerUnit: { code: "ZQ1" }, squadronUnit: { code: "ZQ1-1" } });
    // Anonymous, no district: left for the dispatcher.
    // Anonymous: nobody to contact, so no contact deadline either.
    expect(byId.get("X-3")).toMatchObject({ status: "PENDING", ownerUnitId: null, anonymous: true, signDueAt: null, contactDueAt: null });
    expect(byId.get("X-1")!.contactDueAt).not.toBeNull();
  });

  it("asks for an owner when an open, signed ticket cannot be routed", async () => {
    const row = "Y-1,12345,2025-04-02 09:00,投诉,执勤执法,路口违法停车严重,光岳路12号,王先生,13900000003,,2025-04-02 09:30,,,,,";
    const result = await importTickets(await actorOf("admin"), "open.csv", bytes(`${header.join(",")}\n${row}`));
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2, column: "承办单位" }] });
  });

  it("imports the same batch from an Excel file (no text encoding to report)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("承办单");
    sheet.addRow(header);
    for (const r of records) sheet.addRow(header.map((column) => (column === "工单编号" ? r[column]!.replace("SAMPLE", "XLSX") : r[column])));
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await importTickets(await actorOf("admin"), "sample.xlsx", xlsx);
    expect(result).toEqual({ ok: true, imported: 20, skipped: 0 });
    const owner = await db.ticket.findUniqueOrThrow({ where: { externalId: "XLSX0001" }, include: { ownerUnit: true } });
    expect(owner).toMatchObject({ ownerUnit: { code: "SG" }, receivedAt: local("2025-03-02 17:45") });
  });

  it("reports an unreadable file as an error of the file", async () => {
    const result = await importTickets(await actorOf("admin"), "old.xls", bytes("whatever"));
    expect(result).toMatchObject({ ok: false, errors: [{ line: 1, column: "(文件)" }] });
  });

  it("refuses roles without import:run, before reading the file", async () => {
    for (const username of ["zq1.handler", "manager"]) {
      await expect(importTickets(await actorOf(username), "sample-12345-import.csv", SAMPLE)).rejects.toBeInstanceOf(Forbidden);
    }
  });
});
