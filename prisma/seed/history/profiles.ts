// Demo history, units: each unit's character (volumes, seasons, channels, rates), ZQ1's fixed
// 2022, the shape of the call calendar and the three planted 集中反映.
import type { CategoryCode, Channel, TicketType } from "@/lib/domain/labels";
import type { UnitCode } from "./common";

export type Profile = {
  unit: UnitCode;
  district: string | null;
  categories: readonly (readonly [CategoryCode, number])[];
  /** Tickets in an average month of 2024. */
  monthly: number;
  /** Jan … Dec. */
  seasonal: readonly number[];
  channels: readonly (readonly [Channel, number])[];
  /** (满意 + 基本满意) / answered, and the 基本满意 share of those. */
  satisfaction: number;
  basicShare: number;
  /** Drives 是否解决 (lower after 不满意, see drawOutcome): the unit's 解决率 ends 2–4 points below. */
  resolution: number;
  late: { sign: number; contact: number; close: number };
  /** Mis-routed tickets (wrong district given by the caller) first go to this brigade. */
  returnedFrom: UnitCode | null;
};

const BRIGADE_SEASON = [0.95, 0.8, 0.92, 1.0, 1.05, 1.1, 1.2, 1.2, 1.08, 1.1, 0.97, 0.9];
const BRIGADE_CHANNELS = [["HOTLINE_12345", 0.46], ["PHONE_12123", 0.36], ["WEB", 0.1], ["WECHAT", 0.08]] as const;
export const DISTRICT_OF: Record<UnitCode, string | null> = { ZQ1: "东城区", ZQ2: "西城区", ZQ3: "南城区", ZQ4: "北城区", SG: null, CGS: null };

export const PROFILES: readonly Profile[] = [
  {
    unit: "ZQ1",
    district: "东城区",
    categories: [["ENFORCEMENT", 0.38], ["CONGESTION", 0.3], ["TRAFFIC_ORG", 0.2], ["NON_POLICE", 0.12]],
    monthly: 115,
    seasonal: BRIGADE_SEASON,
    channels: BRIGADE_CHANNELS,
    satisfaction: 0.945,
    basicShare: 0.1,
    resolution: 0.975,
    late: { sign: 0.02, contact: 0.025, close: 0.035 },
    returnedFrom: "ZQ2",
  },
  {
    unit: "ZQ2",
    district: "西城区",
    categories: [["TRAFFIC_ORG", 0.3], ["CONGESTION", 0.3], ["ENFORCEMENT", 0.28], ["NON_POLICE", 0.12]],
    monthly: 105,
    seasonal: BRIGADE_SEASON,
    channels: BRIGADE_CHANNELS,
    satisfaction: 0.955,
    basicShare: 0.09,
    resolution: 0.98,
    late: { sign: 0.015, contact: 0.02, close: 0.03 },
    returnedFrom: "ZQ1",
  },
  {
    // The weak brigade of the story: slower, more overdue, noticeably lower 满意率.
    unit: "ZQ3",
    district: "南城区",
    categories: [["CONGESTION", 0.5], ["ENFORCEMENT", 0.5]],
    monthly: 95,
    seasonal: BRIGADE_SEASON,
    channels: BRIGADE_CHANNELS,
    satisfaction: 0.865,
    basicShare: 0.16,
    resolution: 0.95,
    late: { sign: 0.06, contact: 0.07, close: 0.09 },
    returnedFrom: "ZQ2",
  },
  {
    unit: "ZQ4",
    district: "北城区",
    categories: [["TRAFFIC_ORG", 0.45], ["ENFORCEMENT", 0.55]],
    monthly: 90,
    seasonal: BRIGADE_SEASON,
    channels: BRIGADE_CHANNELS,
    satisfaction: 0.925,
    basicShare: 0.12,
    resolution: 0.95,
    late: { sign: 0.025, contact: 0.03, close: 0.045 },
    returnedFrom: "ZQ1",
  },
  {
    // Accidents peak with winter ice and summer traffic.
    unit: "SG",
    district: null,
    categories: [["ACCIDENT", 1]],
    monthly: 80,
    seasonal: [1.15, 0.85, 0.9, 0.95, 1.0, 1.05, 1.1, 1.1, 1.0, 1.1, 1.05, 1.2],
    channels: [["PHONE_12123", 0.45], ["HOTLINE_12345", 0.4], ["WEB", 0.08], ["WECHAT", 0.07]],
    satisfaction: 0.9,
    basicShare: 0.14,
    resolution: 0.945,
    late: { sign: 0.02, contact: 0.03, close: 0.07 },
    returnedFrom: null,
  },
  {
    // Licence business peaks in spring and in the summer holidays (students).
    unit: "CGS",
    district: null,
    categories: [["SERVICE", 1]],
    monthly: 110,
    seasonal: [0.9, 0.75, 1.1, 1.15, 1.05, 1.0, 1.2, 1.2, 1.0, 0.95, 0.95, 0.9],
    channels: [["PHONE_12123", 0.45], ["HOTLINE_12345", 0.3], ["WEB", 0.15], ["WECHAT", 0.1]],
    satisfaction: 0.965,
    basicShare: 0.08,
    resolution: 0.985,
    late: { sign: 0.015, contact: 0.02, close: 0.025 },
    returnedFrom: null,
  },
];

/** ZQ1's 2022, fixed by the brief: 1476 received, 1435 answered (all resolved), 1335 satisfied. */
export const YEAR_2022 = { total: 1476, satisfied: 1200, basic: 135, unsatisfied: 100, none: 41 } as const;

/** 春节: far fewer calls. Years without an entry simply have no dip. */
export const SPRING_FESTIVAL: Record<string, readonly [string, string]> = {
  "2022": ["2022-01-31", "2022-02-06"],
  "2024": ["2024-02-10", "2024-02-17"],
  "2025": ["2025-01-28", "2025-02-04"],
  "2026": ["2026-02-15", "2026-02-23"],
};

/** Calls by hour of day: a morning and an afternoon peak, quiet nights. */
export const HOURS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 2, 3.2, 3.5, 3.3, 2.8, 2.2, 2.5, 3, 3.1, 3, 2.8, 2.2, 1.6, 1.3, 1, 0.7, 0.4].map(
  (weight, hour) => [hour, weight] as const,
);

/** The three planted 集中反映: same place (spelt a little differently) + category, last 30 days. */
export const CLUSTERS: readonly {
  unit: UnitCode;
  category: CategoryCode;
  places: readonly string[];
  type: TicketType;
  daysAgo: readonly number[];
  texts: readonly (readonly [string, string])[];
  reply: string;
}[] = [
  {
    unit: "ZQ1",
    category: "TRAFFIC_ORG",
    places: ["光岳路与东昌路交叉口", "光岳路与东昌路交叉口附近", "光岳路与东昌路 交叉口"],
    type: "COMPLAINT",
    daysAgo: [27, 19, 12, 6, 2],
    texts: [
      ["信号灯配时不合理", "光岳路与东昌路路口早高峰左转绿灯太短，排队排到上一个路口。"],
      ["左转车辆排队过长", "每天早上从东昌路左转光岳路要等三四个绿灯，希望调整配时。"],
      ["路口早高峰拥堵", "光岳路东昌路交叉口早高峰左转排长队，直行车道也被占用。"],
    ],
    reply: "您好，针对光岳路与东昌路交叉口早高峰左转排队问题，我大队已于{date}调整信号配时，并将持续观测通行效果。",
  },
  {
    unit: "ZQ2",
    category: "CONGESTION",
    places: ["西城区第一中学门口", "西城区第一中学", "西城区第一中学附近"],
    type: "HELP",
    daysAgo: [24, 16, 9, 4],
    texts: [
      ["学校门口放学拥堵", "西城区第一中学放学时家长车辆堵满门口道路，公交车都过不去。"],
      ["接送车辆乱停", "一中门口接孩子的车辆双排停放，孩子在车流中穿行很危险。"],
    ],
    reply: "您好，我大队已自{date}起在西城区第一中学放学时段安排民警疏导，并与校方商定错峰放学。",
  },
  {
    unit: "ZQ4",
    category: "ENFORCEMENT",
    places: ["北顺街金色家园", "北顺街金色家园门口"],
    type: "REPORT",
    daysAgo: [21, 11, 3],
    texts: [
      ["小区门口违停", "金色家园门口每天晚上都有车辆违法停车，消防通道被堵死。"],
      ["消防通道被占用", "北顺街金色家园消防通道长期被私家车占用，多次反映仍未改善。"],
    ],
    reply: "您好，我大队已于{date}对北顺街金色家园周边违法停车开展夜间整治，并在消防通道施划禁停标线。",
  },
];
