// The seeded organisation of DOMAIN.md §2. Codes are fixed: tests and integrations rely on them.
import type { Boundary, Position } from "@/lib/domain/district-areas";

export const DISTRICTS = ["东城区", "西城区", "南城区", "北城区"] as const;

/**
 * Demo 辖区边界 ([lng, lat]), drawn around the demo coordinates the tests and the demo use
 * (东城区 holds 39.91, 116.40): 西城区 and 东城区 side by side along a winding line, 南城区 below
 * and 北城区 above. They share edges and never overlap, so every point inside the area has one
 * district. Real sites paste their own from a GIS on the admin page.
 */
const DIVIDE_SOUTH: Position = [116.385, 39.865];
const DIVIDE_NORTH: Position = [116.385, 39.955];
const DIVIDE: Position[] = [DIVIDE_SOUTH, [116.383, 39.905], [116.388, 39.93], DIVIDE_NORTH];
export const DISTRICT_BOUNDARIES: Record<(typeof DISTRICTS)[number], Boundary> = {
  东城区: { type: "Polygon", coordinates: [[...DIVIDE, [116.47, 39.958], [116.47, 39.868], DIVIDE_SOUTH]] },
  西城区: { type: "Polygon", coordinates: [[...DIVIDE.toReversed(), [116.28, 39.862], [116.28, 39.955], DIVIDE_NORTH]] },
  南城区: { type: "Polygon", coordinates: [[[116.28, 39.8], [116.47, 39.8], [116.47, 39.868], DIVIDE_SOUTH, [116.28, 39.862], [116.28, 39.8]]] },
  北城区: { type: "Polygon", coordinates: [[[116.28, 39.955], DIVIDE_NORTH, [116.47, 39.958], [116.47, 40.03], [116.28, 40.03], [116.28, 39.955]]] },
};

type UnitSeed = {
  code: string;
  name: string;
  kind: "DETACHMENT" | "DISPATCH" | "BRIGADE" | "SQUADRON" | "EXTERNAL";
  parent?: string;
  district?: string;
};

export const UNITS: UnitSeed[] = [
  { code: "ZD", name: "示例市公安局交通警察支队", kind: "DETACHMENT" },
  { code: "ZHZX", name: "指挥中心（热线办）", kind: "DISPATCH", parent: "ZD" },
  { code: "ZQ1", name: "执勤一大队", kind: "BRIGADE", parent: "ZD", district: "东城区" },
  { code: "ZQ1-1", name: "一中队", kind: "SQUADRON", parent: "ZQ1", district: "东城区" },
  { code: "ZQ1-2", name: "二中队", kind: "SQUADRON", parent: "ZQ1", district: "东城区" },
  { code: "ZQ2", name: "执勤二大队", kind: "BRIGADE", parent: "ZD", district: "西城区" },
  { code: "ZQ3", name: "执勤三大队", kind: "BRIGADE", parent: "ZD", district: "南城区" },
  { code: "ZQ4", name: "执勤四大队", kind: "BRIGADE", parent: "ZD", district: "北城区" },
  { code: "SG", name: "事故处理大队", kind: "BRIGADE", parent: "ZD" },
  { code: "CGS", name: "车辆管理所", kind: "BRIGADE", parent: "ZD" },
  { code: "WCG", name: "城市管理局", kind: "EXTERNAL" },
  { code: "WJT", name: "交通运输局", kind: "EXTERNAL" },
  { code: "WZJ", name: "住房和城乡建设局", kind: "EXTERNAL" },
  { code: "WGJ", name: "公交集团", kind: "EXTERNAL" },
];

export const CATEGORIES = [
  {
    code: "TRAFFIC_ORG",
    name: "交通组织",
    description: "信号灯、标志标线、车道设置",
    example: "路口信号灯配时不合理，早高峰左转车辆排队过长",
  },
  {
    code: "CONGESTION",
    name: "疏堵保畅",
    description: "道路拥堵、疏导保畅",
    example: "学校门口上下学时段拥堵严重",
  },
  {
    code: "ENFORCEMENT",
    name: "执勤执法",
    description: "交通执法、民警作风、违法停车",
    example: "小区门口长期有车辆违法停车",
  },
  {
    code: "ACCIDENT",
    name: "事故处理",
    description: "交通事故处理（正在发生的事故请拨打 122）",
    example: "事故认定书迟迟未出具",
  },
  {
    code: "SERVICE",
    name: "便民服务",
    description: "车驾管业务、交管 12123 App",
    example: "12123 上驾驶证换证预约失败",
  },
  {
    code: "NON_POLICE",
    name: "非警务",
    description: "不属于公安交管职责，由我们协调相关部门",
    example: "路灯不亮影响夜间通行",
  },
] as const;

/** 交通组织, 疏堵保畅, 执勤执法 and 非警务 go to the district's brigade; 事故 → SG; 便民 → CGS. */
export function routingRules() {
  const byDistrict = { 东城区: "ZQ1", 西城区: "ZQ2", 南城区: "ZQ3", 北城区: "ZQ4" } as const;
  const districtCategories = ["TRAFFIC_ORG", "CONGESTION", "ENFORCEMENT", "NON_POLICE"] as const;
  const names = Object.fromEntries(CATEGORIES.map((c) => [c.code, c.name]));
  return [
    ...districtCategories.flatMap((category) =>
      Object.entries(byDistrict).map(([district, unit]) => ({
        name: `${names[category]} · ${district} → ${unit}`,
        categoryCode: category,
        district,
        unitCode: unit,
      })),
    ),
    { name: "事故处理 → 事故处理大队", categoryCode: "ACCIDENT", district: null, unitCode: "SG" },
    { name: "便民服务 → 车辆管理所", categoryCode: "SERVICE", district: null, unitCode: "CGS" },
  ];
}

/** Demo accounts (local demo only; README lists the passwords). */
export const DEMO_STAFF_PASSWORD = "demo123456";
export const DEMO_CITIZEN_PASSWORD = "citizen123";

export const DEMO_USERS = [
  { username: "admin", displayName: "系统管理员", role: "ADMIN", unit: "ZD" },
  { username: "dispatcher", displayName: "热线坐席 王敏", role: "DISPATCHER", unit: "ZHZX" },
  { username: "manager", displayName: "支队督办 赵刚", role: "MANAGER", unit: "ZD" },
  { username: "zq1.lead", displayName: "一大队 张伟", role: "LEAD", unit: "ZQ1" },
  { username: "zq1.handler", displayName: "一大队 李强", role: "HANDLER", unit: "ZQ1" },
  { username: "zq2.handler", displayName: "二大队 陈磊", role: "HANDLER", unit: "ZQ2" },
  { username: "sg.handler", displayName: "事故大队 刘洋", role: "HANDLER", unit: "SG" },
  { username: "cgs.handler", displayName: "车管所 周静", role: "HANDLER", unit: "CGS" },
] as const;

export const DEMO_CITIZEN = { username: "13800000000", displayName: "市民 13800000000", phone: "13800000000" };
