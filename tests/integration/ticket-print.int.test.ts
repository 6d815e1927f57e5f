// 工单办理单 (issue 13 item 18): the printed ticket carries the whole history — internal steps
// too — in the ticket page's words, within the same scope and phone masking as the ticket page.
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { submitTicket } from "@/lib/dal/intake";
import { ticketPrintout } from "@/lib/dal/ticket-print";
import { performAction } from "@/lib/dal/workflow/perform";
import { actorOf } from "../support/actors";

// The page renders outside Next here: the signed-in actor and the navigation calls are stand-ins.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ requirePageActor: async () => session.actor }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  forbidden: () => {
    throw new Error("NEXT_FORBIDDEN");
  },
}));

const complaint = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "路口信号灯配时不合理",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
  district: "东城区",
  place: "光岳路与东昌路路口",
  name: "王先生",
  phone: "13912348801",
};
const INTERNAL_NOTE = "已请市政部门核实信号机故障记录";
const REPLY = "经现场核查，已将早高峰左转绿灯延长 15 秒。";

async function renderAs(actor: Actor, no: string): Promise<string> {
  session.actor = actor;
  const page = await import("@/app/(staff)/tickets/[no]/print/page");
  return renderToStaticMarkup(await page.default({ params: Promise.resolve({ no }) }));
}

let no: string;

beforeAll(async () => {
  const handler = await actorOf("zq1.handler");
  const ticket = await submitTicket(await actorOf("dispatcher"), complaint, { channel: "HOTLINE_12345" });
  no = ticket.no;
  let version = ticket.version;
  for (const step of [
    { action: "sign" },
    { action: "note", text: INTERNAL_NOTE },
    { action: "contact", note: "电话联系王先生，说明处理进度" },
    { action: "reply", text: REPLY },
  ]) {
    version = (await performAction(handler, no, { ...step, version })).version;
  }
});

describe("工单办理单", () => {
  it("prints the header, particulars, outcome, every step public and internal, and signature lines", async () => {
    const html = await renderAs(await actorOf("zq1.handler"), no);
    for (const text of ["示例市公安局交通警察支队", "工单办理单", "执勤一大队", no, "12345 转办", "交通组织", "王先生", complaint.content]) {
      expect(html).toContain(text);
    }
    // The owner unit's handler sees the whole number, as on the ticket page.
    expect(html).toContain("13912348801");
    // Internal and public steps, in describeEvent's words.
    expect(html).toContain("自动分派");
    expect(html).toContain(INTERNAL_NOTE);
    expect(html).toContain("联系群众");
    expect(html).toContain(REPLY);
    expect(html).toMatch(/data-visibility="INTERNAL"/);
    expect(html).toMatch(/data-visibility="PUBLIC"/);
    expect(html).toContain("尚未评价");
    for (const line of ["承办人：", "审核人：", "日期："]) expect(html).toContain(line);
    // The print button is there on screen and hidden in print.
    expect(html).toMatch(/<button[^>]*print:hidden[^>]*>打印<\/button>/);
  });

  it("masks the phone for a manager, who does not handle the ticket", async () => {
    const html = await renderAs(await actorOf("manager"), no);
    expect(html).toContain("139****8801");
    expect(html).not.toContain("13912348801");
    expect(html).toContain(INTERNAL_NOTE);
  });

  it("is not found outside the caller's scope, and refused to a citizen", async () => {
    await expect(renderAs(await actorOf("zq2.handler"), no)).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(ticketPrintout(await actorOf("13800000000"), no)).rejects.toMatchObject({ status: 403, message: "工单办理单仅供工作人员打印" });
  });
});
