// A search in the words reads the scope's newest TEXT_SEARCH_WINDOW tickets only — the workbench's
// 全部 and GET /api/v1/tickets — and 受理日期 narrows any list; the API counts up to
// LIST_COUNT_CAP and pages no deeper than LIST_MAX_OFFSET (issue 15). Its own file: it adds
// 20,000 tickets to ZQ1.
import type { Insertable } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { actorOf, requestAs } from "../support/actors";
import { GET as listRest } from "@/app/api/v1/tickets/route";
import type { Actor } from "@/lib/auth/actor";
import { submitTicket } from "@/lib/dal/intake";
import { LIST_COUNT_CAP } from "@/lib/dal/tickets";
import { workbenchExport, workbenchQueue } from "@/lib/dal/workbench";
import { db } from "@/lib/db";
import { localDateOf } from "@/lib/domain/local-time";
import { TEXT_SEARCH_WINDOW } from "@/lib/domain/ticket-search";
import type { Ticket } from "@/lib/generated/kysely/types";
import { newId } from "@/lib/ids";
import { sql } from "@/lib/sql";
import { workbenchQuerySchema, type WorkbenchQuery } from "@/lib/validation/workbench";

const q = (raw: Record<string, unknown> = {}): WorkbenchQuery => workbenchQuerySchema.parse({ tab: "all", ...raw });
const OLD_WORDS = "旧档案里的独有词";

let handler: Actor;
let old: { no: string };

beforeAll(async () => {
  const dispatcher = await actorOf("dispatcher");
  handler = await actorOf("zq1.handler");
  const input = { type: "COMPLAINT", category: "TRAFFIC_ORG", content: "光岳路与东昌路路口早高峰左转信号太短。", district: "东城区", phone: "13912345678" };
  const ticket = await submitTicket(dispatcher, { ...input, title: OLD_WORDS, place: "光岳路与东昌路交叉口" }, { channel: "PHONE_12123" });
  old = await db.ticket.update({ where: { id: ticket.id }, data: { receivedAt: new Date("2020-01-01T02:00:00Z") } });
  // A brigade's archive newer than it: copies of a fresh ticket, one a minute back from now.
  const fresh = await submitTicket(dispatcher, { ...input, title: "信号灯配时不合理", place: "光岳路口" }, { channel: "PHONE_12123" });
  const template = await sql().selectFrom("Ticket").selectAll().where("id", "=", fresh.id).executeTakeFirstOrThrow();
  const now = Date.now();
  const copies = Array.from({ length: TEXT_SEARCH_WINDOW }, (_, i) => ({
    ...template,
    id: newId(),
    no: `19${String(i).padStart(12, "0")}`,
    externalId: null,
    evaluationTokenHash: null,
    receivedAt: new Date(now - (i + 1) * 60_000),
  }));
  // The row as read goes back as written (each engine's own date and boolean values).
  const rows = copies as unknown as Insertable<Ticket>[];
  for (let i = 0; i < rows.length; i += 200) await sql().insertInto("Ticket").values(rows.slice(i, i + 200)).execute();
}, 120_000);

describe("a search in the words of 全部", () => {
  it("reads the newest tickets only, says since when, and finds older ones by 受理日期 or by number", async () => {
    const bounded = await workbenchQueue(handler, q({ q: OLD_WORDS }));
    expect(bounded.total).toBe(0);
    expect(bounded.searchedSince).toBeInstanceOf(Date);
    expect(bounded.searchedSince!.getTime()).toBeGreaterThan(new Date("2020-01-02").getTime());
    // The export reads the same window and says so.
    expect((await workbenchExport(handler, q({ q: OLD_WORDS }))).searchedSince).toEqual(bounded.searchedSince);

    const dated = await workbenchQueue(handler, q({ q: OLD_WORDS, to: "2020-12-31" }));
    expect(dated.items.map((r) => r.no)).toEqual([old.no]);
    expect(dated.searchedSince).toBeNull();
    const exact = await workbenchQueue(handler, q({ q: old.no }));
    expect(exact.items.map((r) => r.no)).toEqual([old.no]);
    expect(exact.searchedSince).toBeNull();

    // A common word still lists the newest matches first, within the window.
    const common = await workbenchQueue(handler, q({ q: "信号灯" }));
    expect(common.items).toHaveLength(50);
    expect(common.items.every((r) => r.receivedAt >= common.searchedSince!)).toBe(true);
  });

  it("is not bounded outside 全部: the open queue is read whole", async () => {
    const mine = await workbenchQueue(handler, q({ tab: "mine", q: OLD_WORDS }));
    expect(mine.items.map((r) => r.no)).toEqual([old.no]);
    expect(mine.searchedSince).toBeNull();
  });
});

describe("受理日期", () => {
  it("narrows the list and its total to tickets received on those days, the last day included", async () => {
    const day = await workbenchQueue(handler, q({ from: "2020-01-01", to: "2020-01-01" }));
    expect(day.items.map((r) => r.no)).toEqual([old.no]);
    expect(day.total).toBe(1);
    expect((await workbenchQueue(handler, q({ from: "2020-01-02", to: "2020-12-31" }))).total).toBe(0);
    // Newest first, as a search lists, rather than running deadlines first.
    const range = await workbenchQueue(handler, q({ from: "2020-01-01", to: localDateOf(new Date()) }));
    const times = range.items.map((r) => r.receivedAt.getTime());
    expect(times).toHaveLength(50);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("refuses a range that ends before it starts, or a date that is not one, in Chinese", () => {
    const messages = (raw: Record<string, string>) => workbenchQuerySchema.safeParse(raw).error?.issues.map((i) => i.message);
    expect(messages({ from: "2026-02-01", to: "2026-01-31" })).toEqual(["受理结束日期不能早于开始日期"]);
    expect(messages({ from: "2026-02-30" })).toEqual(["受理开始日期应为有效日期，格式 YYYY-MM-DD"]);
  });
});

describe("GET /api/v1/tickets", () => {
  const list = async (qs: string) => {
    const response = await listRest(await requestAs("dispatcher", `/api/v1/tickets?${qs}`));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { items: { no: string }[] } };
  };

  it("counts up to LIST_COUNT_CAP and says when there are more", async () => {
    const { body } = await list("pageSize=1");
    expect(body.total).toBe(LIST_COUNT_CAP);
    expect(body.totalCapped).toBe(true);
    expect((await list("to=2020-12-31")).body).toMatchObject({ total: 1, totalCapped: false });
  });

  it("searches the words of the newest tickets only, finding older ones by 受理日期 or by number", async () => {
    const bounded = (await list(`q=${encodeURIComponent(OLD_WORDS)}`)).body;
    expect(bounded.items).toEqual([]);
    expect(typeof bounded.searchedSince).toBe("string");
    expect((await list(`q=${encodeURIComponent(OLD_WORDS)}&from=2020-01-01&to=2020-01-31`)).body.items.map((i) => i.no)).toEqual([old.no]);
    expect((await list(`q=${old.no}`)).body).toMatchObject({ total: 1, searchedSince: null });
  });

  it("pages no deeper than LIST_MAX_OFFSET and refuses a backwards range, saying why in Chinese", async () => {
    expect((await list("page=500&pageSize=200")).status).toBe(200);
    const { status, body } = await list("page=501&pageSize=200");
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain("更早的工单请用受理日期");
    const backwards = await list("from=2026-02-01&to=2026-01-31");
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain("结束日期不能早于开始日期");
  });
});
