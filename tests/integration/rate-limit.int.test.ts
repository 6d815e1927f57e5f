import { beforeEach, describe, expect, it, vi } from "vitest";
import { submitComplaint } from "@/app/(public)/submit/actions";
import { submitTicket } from "@/lib/dal/intake";
import { trackTicket } from "@/lib/dal/tracking";
import { db } from "@/lib/db";
import { settleForwardedHeaders } from "@/lib/domain/client-address";
import { clientIp, limitSubmissionByIp, limitSubmissionByPhone } from "@/lib/rate-limit";

// The server action reads the request headers and the session through Next; here a request's
// headers are what scripts/serve.mjs would hand on, and nobody is signed in.
const request = vi.hoisted(() => ({ headers: {} as Record<string, string | string[] | undefined> }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(request.headers as Record<string, string>) }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => null }));

/** A request as it reaches Next through the server: headers sent by the client, settled for its socket. */
function arrive(socketAddress: string, sent: Record<string, string>, trustedHops = 0) {
  const headers: Record<string, string | string[] | undefined> = { ...sent };
  settleForwardedHeaders(headers, socketAddress, trustedHops);
  request.headers = headers;
  return new Headers(headers as Record<string, string>);
}

beforeEach(() => {
  request.headers = {};
});

describe("public submission limits", () => {
  it("allows five submissions per phone a day and explains the sixth refusal", async () => {
    for (let i = 0; i < 5; i++) await limitSubmissionByPhone("13944445555");
    await expect(limitSubmissionByPhone("13944445555")).rejects.toMatchObject({
      status: 429,
      message: expect.stringContaining("已达上限"),
    });
    await expect(limitSubmissionByPhone("13944446666")).resolves.toBeUndefined();
  });

  it("limits one address per hour without touching another", async () => {
    for (let i = 0; i < 20; i++) await limitSubmissionByIp("203.0.113.7");
    await expect(limitSubmissionByIp("203.0.113.7")).rejects.toMatchObject({ status: 429, message: expect.stringContaining("分钟后再试") });
    await expect(limitSubmissionByIp("203.0.113.8")).resolves.toBeUndefined();
  });

  it("a rotating X-Forwarded-For no longer escapes the per-address limit", async () => {
    const refused: number[] = [];
    for (let i = 0; i < 25; i++) {
      const ip = clientIp(arrive("198.51.100.20", { "x-forwarded-for": `10.0.${i}.1` }));
      expect(ip).toBe("198.51.100.20");
      await limitSubmissionByIp(ip).catch(() => refused.push(i));
    }
    expect(refused).toEqual([20, 21, 22, 23, 24]);
    // Behind one trusted proxy, forged entries left of the proxy's own are ignored the same way.
    const behindProxy = clientIp(arrive("10.9.9.9", { "x-forwarded-for": "1.1.1.1, 198.51.100.20" }, 1));
    expect(behindProxy).toBe("198.51.100.20");
    await expect(limitSubmissionByIp(behindProxy)).rejects.toMatchObject({ status: 429 });
  });

  it("an IPv6 client cannot rotate through its own /64", async () => {
    for (let i = 0; i < 20; i++) await limitSubmissionByIp(clientIp(arrive(`2001:db8:7:7::${(i + 1).toString(16)}`, {})));
    await expect(limitSubmissionByIp(clientIp(arrive("2001:db8:7:7:ffff::1", {})))).rejects.toMatchObject({ status: 429 });
    await expect(limitSubmissionByIp(clientIp(arrive("2001:db8:7:8::1", {})))).resolves.toBeUndefined();
  });

  it("caps anonymous submissions per address, below the general cap, storing nothing once refused", async () => {
    const anonymous = () => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ type: "COMPLAINT", category: "TRAFFIC_ORG", title: "匿名反映违停", content: "花园北路每天晚上都有车辆占用消防通道停放。", district: "东城区", anonymous: "on" })) {
        form.set(k, v);
      }
      return form;
    };
    for (let i = 0; i < 5; i++) {
      arrive("198.51.100.30", { "x-forwarded-for": `10.1.${i}.1` });
      expect(await submitComplaint(anonymous())).toMatchObject({ ok: true });
    }
    const before = await db.ticket.count();
    arrive("198.51.100.30", { "x-forwarded-for": "10.1.99.1" });
    const sixth = await submitComplaint(anonymous());
    expect(sixth).toMatchObject({ ok: false, status: 429, message: expect.stringContaining("匿名诉求每小时最多提交 5 件") });
    expect(await db.ticket.count()).toBe(before);
    // Another address may still submit anonymously.
    arrive("198.51.100.31", {});
    expect(await submitComplaint(anonymous())).toMatchObject({ ok: true });
  });
});

describe("tracking look-up limits (查询办理进度)", () => {
  const complaint = (phone: string) => ({
    type: "COMPLAINT",
    category: "TRAFFIC_ORG",
    title: "信号灯配时太短",
    content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
    district: "东城区",
    phone,
  });
  /** Guesses near a real number: the same day's sequence, as an attacker would walk it. */
  const guess = (no: string, i: number) => `${no.slice(0, 8)}${String(900_000 + i).padStart(6, "0")}`;

  it("limits failed look-ups per phone, whatever address they come from", async () => {
    const phone = "13955550001";
    const t = await submitTicket(null, complaint(phone), { channel: "WEB" });
    for (let i = 0; i < 10; i++) {
      await expect(trackTicket({ no: guess(t.no, i), phone }, { ip: `203.0.113.${100 + i}` })).rejects.toMatchObject({ status: 404 });
    }
    // The 11th guess, from yet another address, is refused before the look-up — even the right number.
    await expect(trackTicket({ no: t.no, phone }, { ip: "203.0.113.200" })).rejects.toMatchObject({
      status: 429,
      message: expect.stringContaining("该手机号的查询失败次数过多"),
    });
    // Another citizen's phone is not affected.
    const other = await submitTicket(null, complaint("13955550002"), { channel: "WEB" });
    await expect(trackTicket({ no: other.no, phone: "13955550002" }, { ip: "203.0.113.200" })).resolves.toMatchObject({ no: other.no });
  });

  it("does not count successful look-ups", async () => {
    const phone = "13955550003";
    const t = await submitTicket(null, complaint(phone), { channel: "WEB" });
    for (let i = 0; i < 40; i++) {
      await expect(trackTicket({ no: t.no, phone }, { ip: "203.0.113.50" })).resolves.toMatchObject({ no: t.no });
    }
  });

  it("limits failed look-ups per address across phones", async () => {
    const t = await submitTicket(null, complaint("13955550004"), { channel: "WEB" });
    for (let i = 0; i < 30; i++) {
      const phone = `1396666${String(i).padStart(4, "0")}`;
      await expect(trackTicket({ no: t.no, phone }, { ip: "203.0.113.60" })).rejects.toMatchObject({ status: 404 });
    }
    await expect(trackTicket({ no: t.no, phone: "13955550004" }, { ip: "203.0.113.60" })).rejects.toMatchObject({
      status: 429,
      message: expect.stringContaining("查询失败次数过多"),
    });
    await expect(trackTicket({ no: t.no, phone: "13955550004" }, { ip: "203.0.113.61" })).resolves.toMatchObject({ no: t.no });
  });
});
