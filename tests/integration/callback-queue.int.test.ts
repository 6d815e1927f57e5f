// /callbacks is paged on the server and filtered by unit, call attempts and reply date.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { CALLBACK_PAGE_SIZE, callbackQueue } from "@/lib/dal/evaluations";
import { db } from "@/lib/db";
import { localDateOf } from "@/lib/domain/local-time";
import { Invalid } from "@/lib/errors";
import { actorOf } from "../support/actors";

let dispatcher: Actor;
beforeAll(async () => {
  dispatcher = await actorOf("dispatcher");
});

const queued = { status: "REPLIED", anonymous: false, awaitingReview: false } as const;

describe("callbackQueue", () => {
  it("pages the whole queue, oldest reply first, without overlap", async () => {
    // Enough replied tickets for two pages, whatever the seed holds.
    const total = await db.ticket.count({ where: queued });
    if (total <= CALLBACK_PAGE_SIZE) {
      const spare = await db.ticket.findMany({ where: { status: "CLOSED", anonymous: false }, take: CALLBACK_PAGE_SIZE + 1 - total, select: { id: true } });
      await db.ticket.updateMany({ where: { id: { in: spare.map((t) => t.id) } }, data: { status: "REPLIED", repliedAt: new Date(), callbackAttempts: 0 } });
    }
    const all = await db.ticket.count({ where: queued });
    const first = await callbackQueue(dispatcher);
    const second = await callbackQueue(dispatcher, { page: "2" });
    expect(first).toMatchObject({ total: all, page: 1, pageSize: CALLBACK_PAGE_SIZE });
    expect(first.items).toHaveLength(CALLBACK_PAGE_SIZE);
    expect(second.items.length).toBe(Math.min(CALLBACK_PAGE_SIZE, all - CALLBACK_PAGE_SIZE));
    expect(second.items.filter((i) => first.items.some((f) => f.no === i.no))).toEqual([]);
    expect(first.items.at(-1)!.repliedAt!.getTime()).toBeLessThanOrEqual(second.items[0]!.repliedAt!.getTime());
  });

  it("filters by owner unit, call attempts and reply date", async () => {
    const zq1 = await callbackQueue(dispatcher, { unit: "ZQ1" });
    expect(zq1.total).toBe(await db.ticket.count({ where: { ...queued, ownerUnit: { code: "ZQ1" } } }));
    expect(zq1.items.every((i) => i.ownerUnitName === "执勤一大队")).toBe(true);

    const some = await db.ticket.findFirstOrThrow({ where: queued, orderBy: { repliedAt: "asc" } });
    await db.ticket.update({ where: { id: some.id }, data: { callbackAttempts: 1 } });
    const tried = await callbackQueue(dispatcher, { attempts: "tried" });
    expect(tried.items.map((i) => i.no)).toContain(some.no);
    expect(tried.items.every((i) => i.callbackAttempts > 0)).toBe(true);
    const untried = await callbackQueue(dispatcher, { attempts: "none" });
    expect(untried.total + tried.total).toBe((await callbackQueue(dispatcher)).total);

    const day = localDateOf(some.repliedAt!);
    const sameDay = await callbackQueue(dispatcher, { from: day, to: day });
    expect(sameDay.items.map((i) => i.no)).toContain(some.no);
    expect(sameDay.items.every((i) => localDateOf(i.repliedAt!) === day)).toBe(true);
  });

  it("answers bad filters in Chinese", async () => {
    await expect(callbackQueue(dispatcher, { unit: "NOPE" })).rejects.toMatchObject({ errors: [{ message: "单位代码「NOPE」不存在" }] });
    await expect(callbackQueue(dispatcher, { from: "2026-13-01" })).rejects.toThrow(Invalid);
    await expect(callbackQueue(dispatcher, { from: "2026-02-02", to: "2026-02-01" })).rejects.toMatchObject({ errors: [{ message: "结束日期不能早于开始日期" }] });
  });
});
