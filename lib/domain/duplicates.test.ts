import { describe, expect, it } from "vitest";
import {
  findDuplicates,
  findHotIssues,
  HOT_ISSUE_MIN_TICKETS,
  HOT_ISSUE_WINDOW_DAYS,
  normalisePlace,
  type DuplicateCandidate,
  type HotIssueTicket,
} from "./duplicates";
import { parseLocalDateTime } from "./local-time";

const DAY_MS = 24 * 60 * 60 * 1000;
const at = (text: string) => parseLocalDateTime(text)!;
const minus = (date: Date, ms: number) => new Date(date.getTime() - ms);

describe("normalisePlace", () => {
  it("makes the same place written differently comparable", () => {
    expect(normalisePlace("花园北路158号附近")).toBe("花园北路158号");
    expect(normalisePlace("花园北路 158 号")).toBe("花园北路158号");
    expect(normalisePlace(" 花园北路１５８号门口。")).toBe("花园北路158号");
  });

  it("folds full-width letters and case, and the ideographic space", () => {
    expect(normalisePlace("Ｇ１０５国道\u3000收费站")).toBe("g105国道收费站");
    expect(normalisePlace("CBD 中心")).toBe(normalisePlace("ｃｂｄ中心"));
  });

  it("strips stacked trailing qualifiers", () => {
    expect(normalisePlace("实验小学门口附近")).toBe("实验小学");
    expect(normalisePlace("人民路旁边")).toBe("人民路");
    expect(normalisePlace("东风路十字路口")).toBe("东风路");
  });

  it("keeps the 路 of a road's name in 路口 but drops a 路口 after a full road", () => {
    expect(normalisePlace("人民路口")).toBe("人民路");
    expect(normalisePlace("解放路路口")).toBe("解放路");
    expect(normalisePlace("人民路与解放路口")).toBe("人民路与解放路");
    expect(normalisePlace("花园北路158号路口")).toBe("花园北路158号");
  });

  it("leaves qualifiers in the middle alone and empties a place made only of qualifiers", () => {
    expect(normalisePlace("门口村")).toBe("门口村");
    expect(normalisePlace("附近")).toBe("");
    expect(normalisePlace(null)).toBe("");
    expect(normalisePlace("   ")).toBe("");
  });
});

describe("findDuplicates", () => {
  const now = at("2026-03-10 10:00");
  const call = { category: "ENFORCEMENT", phone: "13800000000", place: "花园北路158号附近", receivedAt: now };
  const ticket = (overrides: Partial<DuplicateCandidate> & Pick<DuplicateCandidate, "no">): DuplicateCandidate => ({
    status: "IN_PROGRESS",
    category: "ENFORCEMENT",
    phone: "13900000000",
    place: "解放路",
    receivedAt: minus(now, DAY_MS),
    ...overrides,
  });

  it("finds the same caller with the same category within 7 days, boundary included", () => {
    const candidates = [
      ticket({ no: "A", phone: "13800000000", status: "CLOSED", receivedAt: minus(now, 7 * DAY_MS) }),
      ticket({ no: "B", phone: "13800000000", status: "CLOSED", receivedAt: minus(now, 7 * DAY_MS + 60_000) }),
      ticket({ no: "C", phone: "13800000000", category: "SERVICE" }),
      ticket({ no: "D", phone: "13800000001" }),
    ];
    expect(findDuplicates(call, candidates)).toEqual([
      { no: "A", reasons: ["SAME_CALLER"], reasonText: "同一来电人 7 日内反映同类问题" },
    ]);
  });

  it("matches the caller's phone however it was written", () => {
    const candidates = [ticket({ no: "A", phone: "+86 138-0000-0000" })];
    expect(findDuplicates(call, candidates).map((d) => d.no)).toEqual(["A"]);
  });

  it("does not match anonymous calls by phone", () => {
    const candidates = [ticket({ no: "A", phone: null, place: "别处" })];
    expect(findDuplicates({ ...call, phone: null }, candidates)).toEqual([]);
    expect(findDuplicates({ ...call, phone: "" }, [ticket({ no: "B", phone: "", place: "别处" })])).toEqual([]);
  });

  it("finds an open ticket on the same place and category, however long ago", () => {
    const candidates = [
      ticket({ no: "A", place: "花园北路 158 号", status: "DISPATCHED", receivedAt: minus(now, 60 * DAY_MS) }),
      ticket({ no: "B", place: "花园北路158号", category: "TRAFFIC_ORG" }),
      ticket({ no: "C", place: "花园北路160号" }),
    ];
    expect(findDuplicates(call, candidates)).toEqual([
      { no: "A", reasons: ["SAME_PLACE"], reasonText: "同一地点同类问题的工单尚未办结（待签收）" },
    ]);
  });

  it("does not match closed tickets by place", () => {
    const candidates = [ticket({ no: "A", place: "花园北路158号", status: "CLOSED" })];
    expect(findDuplicates(call, candidates)).toEqual([]);
  });

  it("never offers merged or invalid tickets, even by phone", () => {
    const candidates = [
      ticket({ no: "M", phone: "13800000000", place: "花园北路158号", status: "MERGED" }),
      ticket({ no: "I", phone: "13800000000", place: "花园北路158号", status: "INVALID" }),
    ];
    expect(findDuplicates(call, candidates)).toEqual([]);
  });

  it("ignores tickets received after the new one, and the ticket itself", () => {
    const candidates = [
      ticket({ no: "LATER", phone: "13800000000", receivedAt: new Date(now.getTime() + 60_000) }),
      ticket({ no: "SELF", phone: "13800000000", receivedAt: now }),
    ];
    expect(findDuplicates({ ...call, no: "SELF" }, candidates)).toEqual([]);
    expect(findDuplicates(call, candidates).map((d) => d.no)).toEqual(["SELF"]);
  });

  it("orders both reasons first, then the most recent", () => {
    const candidates = [
      ticket({ no: "OLD_CALLER", phone: "13800000000", receivedAt: minus(now, 5 * DAY_MS) }),
      ticket({ no: "NEW_PLACE", place: "花园北路158号", receivedAt: minus(now, 1 * DAY_MS) }),
      ticket({ no: "BOTH", phone: "13800000000", place: "花园北路158号", receivedAt: minus(now, 6 * DAY_MS) }),
      ticket({ no: "MID_CALLER", phone: "13800000000", receivedAt: minus(now, 3 * DAY_MS) }),
    ];
    const found = findDuplicates(call, candidates);
    expect(found.map((d) => d.no)).toEqual(["BOTH", "NEW_PLACE", "MID_CALLER", "OLD_CALLER"]);
    expect(found[0]).toEqual({
      no: "BOTH",
      reasons: ["SAME_CALLER", "SAME_PLACE"],
      reasonText: "同一来电人 7 日内反映同类问题；同一地点同类问题的工单尚未办结（办理中）",
    });
  });
});

describe("findHotIssues", () => {
  const now = at("2026-03-31 12:00");
  let seq = 0;
  const t = (overrides: Partial<HotIssueTicket>): HotIssueTicket => ({
    no: `T${String(++seq).padStart(3, "0")}`,
    category: "CONGESTION",
    place: "实验小学门口",
    receivedAt: minus(now, DAY_MS),
    status: "IN_PROGRESS",
    ...overrides,
  });

  it("uses the documented thresholds", () => {
    expect(HOT_ISSUE_MIN_TICKETS).toBe(3);
    expect(HOT_ISSUE_WINDOW_DAYS).toBe(30);
  });

  it("needs three tickets on the same place and category", () => {
    const two = [t({ place: "实验小学门口" }), t({ place: "实验小学" })];
    expect(findHotIssues(two, now)).toEqual([]);
    const otherCategory = [...two, t({ place: "实验小学附近", category: "ENFORCEMENT" })];
    expect(findHotIssues(otherCategory, now)).toEqual([]);
    const three = [...two, t({ place: "实验小学 附近", status: "CLOSED" })];
    const issues = findHotIssues(three, now);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ placeKey: "实验小学", category: "CONGESTION" });
    expect(issues[0]!.tickets).toEqual(three.map((x) => x.no));
  });

  it("counts tickets received exactly 30 days before now but not a moment earlier", () => {
    const edge = t({ receivedAt: minus(now, 30 * DAY_MS) });
    const outside = t({ receivedAt: minus(now, 30 * DAY_MS + 1) });
    const recent = [t({ receivedAt: minus(now, 2 * DAY_MS) }), t({ receivedAt: now })];
    expect(findHotIssues([outside, ...recent], now)).toEqual([]);
    const [issue] = findHotIssues([edge, outside, ...recent], now);
    expect(issue?.tickets).toEqual([edge.no, ...recent.map((x) => x.no)]);
    expect(issue?.firstAt).toEqual(edge.receivedAt);
    expect(issue?.lastAt).toEqual(now);
  });

  it("looks back over another window when asked, boundary included", () => {
    const tickets = [
      t({ receivedAt: minus(now, 7 * DAY_MS) }),
      t({ receivedAt: minus(now, 40 * DAY_MS) }),
      t({ receivedAt: minus(now, 90 * DAY_MS) }),
      t({ receivedAt: minus(now, 90 * DAY_MS + 1) }),
    ];
    expect(findHotIssues(tickets, now)).toEqual([]);
    expect(findHotIssues(tickets, now, 7)).toEqual([]);
    const [issue] = findHotIssues(tickets, now, 90);
    expect(issue?.tickets).toEqual([tickets[2]!.no, tickets[1]!.no, tickets[0]!.no]);
    expect(issue?.firstAt).toEqual(minus(now, 90 * DAY_MS));
    const recent = [t({ receivedAt: minus(now, 6 * DAY_MS) }), t({ receivedAt: minus(now, 5 * DAY_MS) })];
    expect(findHotIssues([...tickets, ...recent], now, 7)[0]?.tickets).toEqual([tickets[0]!.no, ...recent.map((x) => x.no)]);
  });

  it("ignores tickets received after now", () => {
    const tickets = [t({}), t({}), t({ receivedAt: new Date(now.getTime() + 1) })];
    expect(findHotIssues(tickets, now)).toEqual([]);
  });

  it("does not count merged or invalid tickets, nor tickets without a place", () => {
    const tickets = [t({}), t({}), t({ status: "MERGED" }), t({ status: "INVALID" }), t({ place: null }), t({ place: "附近" })];
    expect(findHotIssues(tickets, now)).toEqual([]);
  });

  it("sorts the largest group first and shows the commonest spelling of the place", () => {
    const school = [
      t({ place: "实验小学门口", receivedAt: minus(now, 3 * DAY_MS) }),
      t({ place: "实验小学", receivedAt: minus(now, 2 * DAY_MS) }),
      t({ place: "实验小学门口", receivedAt: minus(now, 1 * DAY_MS) }),
    ];
    const road = [
      t({ category: "TRAFFIC_ORG", place: "人民路口", receivedAt: minus(now, 9 * DAY_MS) }),
      t({ category: "TRAFFIC_ORG", place: "人民路", receivedAt: minus(now, 8 * DAY_MS) }),
      t({ category: "TRAFFIC_ORG", place: "人民路 路口", receivedAt: minus(now, 7 * DAY_MS) }),
      t({ category: "TRAFFIC_ORG", place: "人民路附近", receivedAt: minus(now, 6 * DAY_MS) }),
    ];
    const issues = findHotIssues([...school, ...road], now);
    expect(issues.map((i) => [i.placeKey, i.tickets.length])).toEqual([
      ["人民路", 4],
      ["实验小学", 3],
    ]);
    expect(issues[1]!.place).toBe("实验小学门口");
    // Every spelling of 人民路 occurs once: the latest one is shown.
    expect(issues[0]!.place).toBe("人民路附近");
  });
});
