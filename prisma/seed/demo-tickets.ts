// Demo tickets so every unit's workbench has work on first start. Deterministic (seeded PRNG)
// and relative to today, so the demo always looks current.
import type { Db } from "@/lib/db";
import { nextTicketNo } from "@/lib/dal/ticket-numbers";
import { WorkCalendar } from "@/lib/domain/calendar";
import { normalisePlace } from "@/lib/domain/duplicates";
import { categoryName } from "@/lib/domain/routing";
import { computeDeadlines, selectPolicy, type TimeLimitPolicy } from "@/lib/domain/time-limits";
import { newId } from "@/lib/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prng } from "./prng";

const SAMPLES: Record<string, readonly (readonly [string, string, string])[]> = {
  TRAFFIC_ORG: [
    ["信号灯配时不合理", "路口信号灯配时不合理，早高峰左转车辆排队过长，希望调整。", "光岳路与东昌路交叉口"],
    ["标线磨损", "道路标线磨损看不清，夜间行车容易压线，请重新施划。", "花园北路"],
  ],
  CONGESTION: [
    ["学校门口拥堵", "学校门口上下学时段拥堵严重，家长车辆随意停放。", "建设路实验小学"],
    ["商场周边拥堵", "商场周边节假日拥堵，车辆排队进停车场占用主路。", "兴华路万达广场"],
  ],
  ENFORCEMENT: [
    ["小区门口违停", "小区门口长期有车辆违法停车，消防通道被占用。", "柳园南路幸福小区"],
    ["渣土车抛洒", "渣土车超载抛洒，路面尘土飞扬。", "湖南路东段"],
  ],
  NON_POLICE: [
    ["路灯不亮", "路灯不亮影响夜间通行，已经一周了。", "湖南路271号附近"],
    ["人行道坑洼", "人行道坑洼不平，老人行走容易摔倒。", "柳园南路98号附近"],
  ],
  ACCIDENT: [["事故认定书迟迟未出具", "上月发生的追尾事故，认定书迟迟未出具，影响理赔。", "东昌路"]],
  SERVICE: [["12123 换证预约失败", "12123 上驾驶证换证预约一直提示失败，请帮忙处理。", ""]],
};

const UNIT_PLAN = [
  { unit: "ZQ1", district: "东城区", categories: ["TRAFFIC_ORG", "CONGESTION", "ENFORCEMENT", "NON_POLICE"] },
  { unit: "ZQ2", district: "西城区", categories: ["TRAFFIC_ORG", "CONGESTION", "ENFORCEMENT", "NON_POLICE"] },
  { unit: "ZQ3", district: "南城区", categories: ["CONGESTION", "ENFORCEMENT"] },
  { unit: "ZQ4", district: "北城区", categories: ["TRAFFIC_ORG", "ENFORCEMENT"] },
  { unit: "SG", district: null, categories: ["ACCIDENT"] },
  { unit: "CGS", district: null, categories: ["SERVICE"] },
] as const;

/**
 * The samples name 东城区 (ZQ1) roads. Every other unit gets the same kinds of places on its own
 * district's roads, so one place is not reported in four districts at once (a hot issue is a
 * place, not a sample sentence). Index-aligned with ZQ1_ROADS; SG handles accidents everywhere.
 */
const ZQ1_ROADS = ["光岳路", "东昌路", "花园北路", "柳园南路", "湖南路", "建设路", "兴华路"] as const;
const UNIT_ROADS: Record<string, readonly string[]> = {
  ZQ2: ["振兴西路", "卫育路", "向阳路", "铁塔路", "昌润路", "龙山路", "利民路"],
  ZQ3: ["育新街", "南环路", "松桂路", "滨河路", "南关街", "古楼街", "新华路"],
  ZQ4: ["北顺街", "站前路", "北环路", "长江路", "黄河路", "嫩江路", "闸口路"],
};
const SG_ROADS = ["东昌路", "卫育路", "南环路", "长江路", "建设路", "向阳路", "北环路", "滨河路"];

function placeFor(unit: string, place: string, n: number): string {
  if (unit === "SG" && place) return SG_ROADS[n % SG_ROADS.length]!;
  const roads = UNIT_ROADS[unit];
  if (!roads) return place;
  return ZQ1_ROADS.reduce((text, road, i) => text.replaceAll(road, roads[i]!), place);
}

const TYPES = ["COMPLAINT", "HELP", "INQUIRY", "SUGGESTION", "REPORT"] as const;
const STATUSES = ["DISPATCHED", "IN_PROGRESS", "IN_PROGRESS", "REPLIED", "CLOSED", "CLOSED"] as const;
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨"];

const HOUR = 3_600_000;

export async function seedDemoTickets(db: Db): Promise<void> {
  const random = prng(20260115);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const calendar = new WorkCalendar(await db.calendarDay.findMany());
  const policies: TimeLimitPolicy[] = await db.timeLimitPolicy.findMany();
  const units = new Map((await db.unit.findMany()).map((u) => [u.code, u]));
  const citizen = await db.user.findUniqueOrThrow({ where: { username: "13800000000" } });
  const now = Date.now();

  await db.$transaction(async (tx) => {
    let n = 0;
    for (const plan of UNIT_PLAN) {
      const owner = units.get(plan.unit)!;
      for (let i = 0; i < 8; i++, n++) {
        const category = plan.categories[i % plan.categories.length]!;
        const [title, sampleContent, samplePlace] = pick(SAMPLES[category]!);
        const place = placeFor(plan.unit, samplePlace, n);
        const content = placeFor(plan.unit, sampleContent, n);
        const type = pick(TYPES);
        const status = STATUSES[i % STATUSES.length]!;
        const receivedAt = new Date(now - (1 + random() * 14 * 24) * HOUR);
        const mine = n % 9 === 0; // a few belong to the demo citizen's account
        const deadlines = computeDeadlines(calendar, selectPolicy(policies, { type, urgency: "NORMAL", grade: "NORMAL" }), {
          receivedAt,
          dispatchedAt: receivedAt,
        });
        const signedAt = status === "DISPATCHED" ? null : new Date(receivedAt.getTime() + 0.5 * HOUR);
        const firstContactAt = signedAt ? new Date(signedAt.getTime() + 2 * HOUR) : null;
        const repliedAt = status === "REPLIED" || status === "CLOSED" ? new Date(receivedAt.getTime() + 20 * HOUR) : null;
        const closedAt = status === "CLOSED" ? new Date(receivedAt.getTime() + 30 * HOUR) : null;
        const phone = mine ? citizen.username : `139${String(10000000 + Math.floor(random() * 89999999))}`;
        const openDeadlines = [
          signedAt ? null : deadlines.signDueAt,
          firstContactAt ? null : deadlines.contactDueAt,
          closedAt || repliedAt ? null : deadlines.dueAt,
        ].filter((d): d is Date => d !== null);

        const data: Prisma.TicketUncheckedCreateInput = {
          no: await nextTicketNo(tx, receivedAt),
          channel: pick(["WEB", "PHONE_12123", "HOTLINE_12345"] as const),
          type,
          categoryCode: category,
          title,
          content,
          district: plan.district,
          place: place || null,
          placeKey: normalisePlace(place) || null,
          citizenName: `${pick(SURNAMES)}${random() < 0.5 ? "先生" : "女士"}`,
          citizenPhone: phone,
          citizenUserId: mine ? citizen.id : null,
          status,
          ownerUnitId: owner.id,
          receivedAt,
          dispatchedAt: receivedAt,
          signedAt,
          firstContactAt,
          repliedAt,
          closedAt,
          ...deadlines,
          escalationAt: openDeadlines.length ? new Date(Math.min(...openDeadlines.map((d) => d.getTime()))) : null,
          replyText: repliedAt ? "经现场核实，已安排民警处理，感谢您的反映。" : null,
          resolved: closedAt ? true : null,
          satisfaction: closedAt ? (random() < 0.9 ? "SATISFIED" : "BASIC") : null,
          evaluatedAt: closedAt,
        };
        const ticket = await tx.ticket.create({ data });
        const routedBy = plan.district ? `分类「${categoryName(category)}」+ 辖区「${plan.district}」` : `分类「${categoryName(category)}」`;
        const events: Omit<Prisma.TicketEventCreateManyInput, "ticketId">[] = [
          { type: "RECEIVED", visibility: "PUBLIC", createdAt: receivedAt, payload: JSON.stringify({ channel: data.channel }) },
          {
            type: "ROUTED",
            visibility: "INTERNAL",
            createdAt: receivedAt,
            actorUnitId: owner.id,
            payload: JSON.stringify({ unit: owner.code, reason: `${routedBy}匹配分派规则` }),
          },
          { type: "DISPATCHED", visibility: "PUBLIC", createdAt: receivedAt, actorUnitId: owner.id, payload: JSON.stringify({ unit: owner.code }) },
        ];
        if (signedAt) events.push({ type: "SIGNED", visibility: "PUBLIC", createdAt: signedAt, actorUnitId: owner.id, payload: "{}" });
        if (firstContactAt) {
          events.push({ type: "CONTACTED", visibility: "PUBLIC", createdAt: firstContactAt, actorUnitId: owner.id, payload: JSON.stringify({ note: "电话联系群众，了解诉求详情" }) });
        }
        if (repliedAt) {
          events.push({ type: "REPLIED", visibility: "PUBLIC", createdAt: repliedAt, actorUnitId: owner.id, payload: JSON.stringify({ text: data.replyText }) });
        }
        if (closedAt) {
          events.push({ type: "EVALUATED", visibility: "PUBLIC", createdAt: closedAt, payload: JSON.stringify({ resolved: true, satisfaction: data.satisfaction }) });
          events.push({ type: "CLOSED", visibility: "PUBLIC", createdAt: closedAt, payload: "{}" });
        }
        // Time-ordered ids: RECEIVED, ROUTED and DISPATCHED share an instant, and timelines order by (createdAt, id).
        await tx.ticketEvent.createMany({ data: events.map((e) => ({ ...e, id: newId(), ticketId: ticket.id })) });
      }
    }
  });
}
