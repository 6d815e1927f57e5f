// Demo history (issue #5 item 5): years of finished tickets, so the rates, trends and hot issues
// a manager reads tell a story on first start instead of showing "—".
//
// - ZQ1 执勤一大队, all of 2022: exactly 1476 tickets, 1435 evaluations answered, all resolved,
//   1335 满意 + 基本满意 → 满意率 93.03 %, 解决率 100 % (the detachment's reported figures for
//   that year, so the dashboard and the annual report can be checked against them).
// - Every brigade from 2024-01-01 through yesterday: seasonal volumes, each unit with its own
//   character (ZQ3 noticeably worse), a few returns, reopens and overdue steps.
// - Three planted 集中反映 clusters in the last 30 days; otherwise places are spread so that no
//   accidental hot issue appears (a list full of them would hide the planted ones).
//
// Deterministic apart from row ids: seeded PRNG, relative to `now` for the recent part.
// History tickets are finished (CLOSED) or, if very recent, REPLIED awaiting 回访: the open work
// of the workbench comes from demo-tickets.ts, and tests count it.
//
// Written on a raw better-sqlite3 connection in one transaction: through Prisma the ~25,000
// tickets and ~200,000 events would take minutes; here they take a few seconds.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { Db } from "@/lib/db";
import { WorkCalendar } from "@/lib/domain/calendar";
import { normalisePlace } from "@/lib/domain/duplicates";
import { EVENT_TYPES, type EventType } from "@/lib/domain/events";
import type { CategoryCode, Channel, TicketType } from "@/lib/domain/labels";
import { addLocalDays, dayOfWeek, localDateOf, localMidnight } from "@/lib/domain/local-time";
import { categoryName } from "@/lib/domain/routing";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { formatTicketNo, ticketDay } from "@/lib/domain/ticket-number";
import { computeDeadlines, selectPolicy, type TimeLimitPolicy } from "@/lib/domain/time-limits";
import { env } from "@/lib/env";
import { prng } from "./prng";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const EVALUATION_WINDOW = DEFAULT_SETTINGS.evaluationWindowDays * DAY;
/** 集中反映 window (DOMAIN §5); the spread of ordinary tickets keeps clear of it. */
const HOT_WINDOW = 30 * DAY;
/**
 * Returns and reopens only on tickets received longer ago than this: their longer lives (a
 * reopen can take a month) then end before now, and only one-round tickets need cutting there.
 */
const SETTLED = 60 * DAY;
/** Of the tickets whose 回访 would fall after now, this share still waits for it (REPLIED). */
const STILL_WAITING = 0.3;
/**
 * Tickets still waiting for 回访 were replied within this many days, so every link has two days
 * or more to run: the expiry job does not close a batch of them in the first hours of a demo
 * (and tests that expire their own ticket a day ahead find nothing else to close).
 */
const FRESH_REPLY_DAYS = 5;

type Rng = () => number;
type UnitCode = "ZQ1" | "ZQ2" | "ZQ3" | "ZQ4" | "SG" | "CGS";
type Outcome = "SATISFIED" | "BASIC" | "UNSATISFIED" | "NONE";
type Source = "CALLBACK" | "LINK";

// ─── Texts ───────────────────────────────────────────────────────────────────

/** `road` is a point on a road (often with a house number); `street` the road as a whole. */
type PlaceKind = "cross" | "road" | "street" | "school" | "venue" | "estate";

type Sample = {
  title: string;
  /** `{place}` is replaced by the place text. */
  content: string;
  /** Where the matter is: a kind of place in the ticket's district, a fixed place, or none. */
  place: PlaceKind | { fixed: string } | null;
  types: readonly TicketType[];
  /** The handler's reply; `{place}` and `{date}` (day of the site visit) are filled in. */
  reply: string;
  /** 非警务: the department coordinated with before replying (不推诿), and its answer. */
  coordination?: { with: string; answer: string };
};

const SAMPLES: Record<CategoryCode, readonly Sample[]> = {
  TRAFFIC_ORG: [
    {
      title: "信号灯配时不合理",
      content: "{place}信号灯配时不合理，早高峰左转车辆排队过长，希望调整配时。",
      place: "cross",
      types: ["SUGGESTION", "COMPLAINT"],
      reply: "您好，您反映的{place}信号配时问题，我大队已于{date}现场观测车流，并已延长早高峰左转绿灯时间。感谢您对交通管理工作的支持。",
    },
    {
      title: "道路标线磨损看不清",
      content: "{place}道路标线磨损严重，夜间和雨天几乎看不清，容易压线，请尽快重新施划。",
      place: "road",
      types: ["COMPLAINT", "SUGGESTION"],
      reply: "您好，经{date}现场核实，{place}标线确有磨损，已安排养护单位重新施划，施工期间请注意避让。",
    },
    {
      title: "建议增设左转待转区",
      content: "{place}左转车流量大，每个绿灯只能通过几辆车，建议增设左转待转区。",
      place: "cross",
      types: ["SUGGESTION"],
      reply: "您好，您的建议已收到。经{date}现场勘查，{place}具备设置左转待转区的条件，已纳入本季度交通组织优化计划。",
    },
    {
      title: "限速标志被树枝遮挡",
      content: "{place}限速标志被行道树树枝遮挡，驾驶人很难看清，建议清理或移位。",
      place: "road",
      types: ["REPORT", "SUGGESTION"],
      reply: "您好，我大队于{date}联系园林部门修剪了{place}遮挡标志的树枝，标志现已清晰可见。",
    },
    {
      title: "行人过街绿灯时间太短",
      content: "{place}行人过街绿灯只有十几秒，老人和孩子走不完，希望延长行人绿灯时间。",
      place: "cross",
      types: ["COMPLAINT", "SUGGESTION"],
      reply: "您好，经{date}现场测算，已将{place}行人过街绿灯时间延长至 30 秒，并增设了二次过街提示。",
    },
    {
      title: "信号灯故障一直黄闪",
      content: "{place}信号灯一直黄闪，路口秩序混乱，请尽快派人维修。",
      place: "cross",
      types: ["HELP", "REPORT"],
      reply: "您好，{place}信号机因线路故障黄闪，维修人员已于{date}修复，期间我大队安排民警现场指挥。",
    },
    {
      title: "咨询单行道调整时间",
      content: "听说{place}要调整为单行道，想咨询具体实施时间和绕行路线。",
      place: "street",
      types: ["INQUIRY"],
      reply: "您好，{place}单行交通组织方案以我支队发布的通告为准，实施前将在路口设置提示标志，绕行路线可在交管 12123 App 查看。",
    },
  ],
  CONGESTION: [
    {
      title: "学校门口上下学拥堵",
      content: "{place}上下学时段拥堵严重，家长车辆随意停放，希望高峰时段安排警力疏导。",
      place: "school",
      types: ["COMPLAINT", "HELP"],
      reply: "您好，我大队自{date}起在{place}上下学时段安排民警和护学岗疏导交通，并已与校方协商错峰放学。",
    },
    {
      title: "商场周边节假日拥堵",
      content: "{place}周边节假日拥堵，进停车场的车辆排队占用主路，希望加强疏导。",
      place: "venue",
      types: ["COMPLAINT", "SUGGESTION"],
      reply: "您好，针对{place}周边节假日拥堵，我大队已自{date}起在节假日增派警力，并督促商场增设临时停车引导。",
    },
    {
      title: "早高峰路口拥堵严重",
      content: "{place}早高峰拥堵，车辆排队超过一公里，建议高峰时段增派民警。",
      place: "cross",
      types: ["COMPLAINT", "SUGGESTION"],
      reply: "您好，自{date}起我大队在早高峰时段于{place}设置固定岗，并优化了信号配时，通行情况已有改善。",
    },
    {
      title: "施工占道造成拥堵",
      content: "{place}施工围挡占用两条车道，晚高峰车辆通行缓慢，希望协调施工单位错峰作业。",
      place: "road",
      types: ["COMPLAINT", "HELP"],
      reply: "您好，我大队已于{date}约谈施工单位，要求{place}施工围挡在晚高峰前收窄至一条车道，并增设引导标志。",
    },
    {
      title: "门口车辆排长队",
      content: "{place}门口车辆排队等候进场，堵住了公交站和非机动车道。",
      place: "venue",
      types: ["COMPLAINT", "REPORT"],
      reply: "您好，经{date}现场查看，已在{place}门口施划排队车道并安排辅警引导，公交站台已恢复通行。",
    },
    {
      title: "咨询节假日交通管制",
      content: "节假日期间{place}周边交通管制，想咨询具体管制时间和绕行路线。",
      place: "venue",
      types: ["INQUIRY"],
      reply: "您好，{place}周边节假日管制时间为每日 9 时至 21 时，请经周边道路绕行，详见我支队发布的出行提示。",
    },
    {
      title: "感谢民警雨中疏导交通",
      content: "暴雨时{place}积水拥堵，执勤民警冒雨疏导交通，特此表扬。",
      place: "cross",
      types: ["PRAISE"],
      reply: "您好，感谢您的表扬，我们已将您的肯定转达给执勤民警，今后将继续做好恶劣天气下的疏导工作。",
    },
  ],
  ENFORCEMENT: [
    {
      title: "小区门口违停",
      content: "{place}门口长期有车辆违法停车，消防通道被占用，希望加强查处。",
      place: "estate",
      types: ["REPORT", "COMPLAINT"],
      reply: "您好，我大队已于{date}对{place}门口违法停车开展专项整治，查处违法车辆多辆，并将加强日常巡查。",
    },
    {
      title: "渣土车超载抛洒",
      content: "{place}夜间渣土车超载抛洒，路面尘土飞扬，存在安全隐患。",
      place: "road",
      types: ["REPORT"],
      reply: "您好，我大队于{date}夜间在{place}设卡检查，查处超载抛洒渣土车 3 辆，并通报了运输企业。",
    },
    {
      title: "电动车逆行闯红灯",
      content: "{place}电动自行车逆行、闯红灯现象严重，希望加强整治。",
      place: "cross",
      types: ["REPORT", "SUGGESTION"],
      reply: "您好，自{date}起我大队在{place}开展电动自行车交通违法集中整治，现场劝导并纠正违法行为。",
    },
    {
      title: "对违停罚单有异议",
      content: "本人车辆在{place}被贴违停罚单，当时是临时停车下客，想咨询如何申请复核。",
      place: "road",
      types: ["INQUIRY", "COMPLAINT"],
      reply: "您好，经{date}调取现场照片核实，您的车辆停放位置属禁停路段。如对处罚有异议，可在交管 12123 App 申请复核。",
    },
    {
      title: "大货车禁行时段通行",
      content: "{place}经常有大货车在禁行时段通行，噪音大且危险。",
      place: "street",
      types: ["REPORT", "COMPLAINT"],
      reply: "您好，我大队已于{date}在{place}增设货车禁行抓拍设备，并安排民警在禁行时段巡查。",
    },
    {
      title: "深夜改装车噪音扰民",
      content: "{place}深夜经常有改装车轰油门飙车，噪音扰民。",
      place: "road",
      types: ["REPORT"],
      reply: "您好，我大队于{date}起在{place}开展夜查，查处非法改装车辆，后续将常态化巡查。",
    },
    {
      title: "表扬民警热情服务",
      content: "在{place}车辆抛锚，执勤民警主动帮忙推车并联系救援，服务热情，特此表扬。",
      place: "road",
      types: ["PRAISE"],
      reply: "您好，感谢您对民警工作的肯定，我们已将表扬转达给当班民警及其所在中队。",
    },
    {
      title: "对民警执法态度不满",
      content: "在{place}被民警查处时，民警态度生硬，希望改进执法方式。",
      place: "cross",
      types: ["COMPLAINT"],
      reply: "您好，我大队已于{date}调取执法记录仪视频核实，对当事民警进行了批评教育，感谢您的监督。",
    },
  ],
  NON_POLICE: [
    {
      title: "路灯不亮",
      content: "{place}路灯不亮已经一周，夜间通行很不安全。",
      place: "road",
      types: ["HELP", "COMPLAINT"],
      reply: "您好，{place}路灯属城市管理局管护，我大队已于{date}与其协调，对方已安排维修，目前路灯已恢复照明。",
      coordination: { with: "城市管理局", answer: "已派维修班组更换损坏线路，三日内恢复照明。" },
    },
    {
      title: "人行道坑洼不平",
      content: "{place}人行道坑洼不平，老人行走容易摔倒。",
      place: "road",
      types: ["COMPLAINT"],
      reply: "您好，{place}人行道维修属住建部门职责，我大队已于{date}与其协调，对方答复已列入本月维修计划。",
      coordination: { with: "住房和城乡建设局", answer: "已列入本月市政维修计划，近期施工。" },
    },
    {
      title: "公交站台离路口太近",
      content: "{place}公交站台离路口太近，公交车进站时后方车辆排队。",
      place: "road",
      types: ["SUGGESTION"],
      reply: "您好，您的建议已于{date}转公交集团研究，对方答复将结合线路调整评估站台后移方案。",
      coordination: { with: "公交集团", answer: "将结合下半年线路调整评估站台后移。" },
    },
    {
      title: "井盖破损下沉",
      content: "{place}井盖破损下沉，车辆经过颠簸，存在安全隐患。",
      place: "road",
      types: ["REPORT", "HELP"],
      reply: "您好，我大队于{date}在{place}设置了警示标志，并协调住建部门更换井盖，目前已修复。",
      coordination: { with: "住房和城乡建设局", answer: "已通知权属单位更换井盖，当日完成。" },
    },
    {
      title: "出租车拒载绕路",
      content: "在{place}打车，出租车司机拒载还绕路。",
      place: "venue",
      types: ["COMPLAINT"],
      reply: "您好，出租车经营服务由交通运输局管理，我大队已于{date}将您反映的情况转交，对方答复将调查处理并回复您。",
      coordination: { with: "交通运输局", answer: "已核实车辆信息，将依规处理并电话回复投诉人。" },
    },
    {
      title: "流动摊贩占道经营",
      content: "{place}门口流动摊贩占道经营，行人只能走机动车道。",
      place: "estate",
      types: ["COMPLAINT", "REPORT"],
      reply: "您好，占道经营由城市管理部门执法，我大队已于{date}与其协调，对方已开展清理并安排定时巡查。",
      coordination: { with: "城市管理局", answer: "已组织清理占道摊点，纳入日常巡查。" },
    },
  ],
  ACCIDENT: [
    {
      title: "事故认定书迟迟未出具",
      content: "上月在{place}发生追尾事故，事故认定书迟迟未出具，影响保险理赔。",
      place: "road",
      types: ["COMPLAINT", "INQUIRY"],
      reply: "您好，经查您的事故因需等待车辆技术检验结果，认定书已于{date}出具，承办民警已电话通知您领取。",
    },
    {
      title: "咨询事故处理进度",
      content: "前几天在{place}发生两车刮擦，想咨询事故处理进度和需要补交的材料。",
      place: "cross",
      types: ["INQUIRY"],
      reply: "您好，您的事故目前处于调解阶段，需补交驾驶证、行驶证复印件，承办民警已于{date}与您约定调解时间。",
    },
    {
      title: "车辆被撞对方逃逸",
      content: "车辆在{place}停放时被撞，对方驾车逃逸，请求调取监控查找肇事车辆。",
      place: "road",
      types: ["HELP"],
      reply: "您好，我大队已于{date}调取{place}周边监控，锁定肇事车辆并通知驾驶人到案处理。",
    },
    {
      title: "对事故责任划分有异议",
      content: "对{place}事故的责任划分有异议，希望重新调查现场监控。",
      place: "cross",
      types: ["COMPLAINT"],
      reply: "您好，我大队已于{date}组织复核，调取了现场监控，复核结论已向您当面说明，如仍有异议可申请复议。",
    },
    {
      title: "快处快赔流程咨询",
      content: "在{place}发生轻微剐蹭，想咨询快处快赔线上处理的流程。",
      place: "road",
      types: ["INQUIRY"],
      reply: "您好，轻微财产损失事故可通过交管 12123 App「快处快赔」在线处理，承办民警已于{date}电话指导您完成处理。",
    },
    {
      title: "事故车辆取车手续",
      content: "事故车辆被拖到停车场，想咨询取车需要带哪些手续。",
      place: null,
      types: ["INQUIRY"],
      reply: "您好，取车需携带车主身份证、行驶证和事故处理民警开具的放车通知，停车场工作时间为每日 8 时至 18 时。",
    },
  ],
  SERVICE: [
    {
      title: "12123 换证预约失败",
      content: "12123 上驾驶证换证预约一直提示失败，请帮忙处理。",
      place: null,
      types: ["HELP"],
      reply: "您好，经{date}核查，系您的体检信息未同步导致预约失败，现已处理，请重新提交预约。",
    },
    {
      title: "咨询六年免检申领",
      content: "车辆即将到期需要年检，想咨询六年免检的申领流程。",
      place: null,
      types: ["INQUIRY"],
      reply: "您好，符合条件的车辆可在交管 12123 App 直接申领检验标志电子凭证，无需上线检验，提前三个月即可办理。",
    },
    {
      title: "驾驶证补证迟迟未收到",
      content: "驾驶证遗失后在网上申请补证，已经十天还没收到邮寄。",
      place: null,
      types: ["INQUIRY", "COMPLAINT"],
      reply: "您好，经{date}查询，您的驾驶证已制证并交邮寄送，邮件单号已短信发送给您，请注意查收。",
    },
    {
      title: "服务大厅排队时间过长",
      content: "车管所服务大厅业务窗口开放太少，排队两个多小时。",
      place: { fixed: "车管所服务大厅" },
      types: ["COMPLAINT", "SUGGESTION"],
      reply: "您好，我所已自{date}起在业务高峰时段增开窗口，并推行网上预约分时段办理，减少排队时间。",
    },
    {
      title: "12123 选号无法登录",
      content: "12123 选号时系统一直无法登录，错过了选号时间。",
      place: null,
      types: ["HELP"],
      reply: "您好，经{date}核查，系当日系统升级所致，已为您保留选号资格，请在 3 日内重新选号。",
    },
    {
      title: "电子驾驶证无法显示",
      content: "12123 App 里电子驾驶证一直无法显示，出行被查验时很不方便。",
      place: null,
      types: ["HELP"],
      reply: "您好，请将 App 更新至最新版本后重新申领电子驾驶证。我所已于{date}电话指导您完成申领。",
    },
    {
      title: "表扬窗口工作人员",
      content: "在车管所办理转籍业务，窗口工作人员耐心细致，特此表扬。",
      place: { fixed: "车管所服务大厅" },
      types: ["PRAISE"],
      reply: "您好，感谢您的表扬，我们已转达给窗口工作人员，将继续提升服务质量。",
    },
  ],
};

/** Places by district and kind; roads also appear with a house number, for variety. */
const PLACES: Record<string, Record<Exclude<PlaceKind, "street">, readonly string[]>> = {
  东城区: {
    cross: ["光岳路与东昌路交叉口", "东昌路与花园北路路口", "兴华路与光岳路交叉口", "振兴路与东关街路口", "新东路与育才路交叉口", "东昌路与向阳路路口"],
    road: ["东昌路", "花园北路", "光岳路", "东关街", "振兴路", "新东路", "向阳路"],
    school: ["东昌路第二实验小学", "光岳中学", "育才路小学", "东城区实验幼儿园"],
    venue: ["兴华路万达广场", "市人民医院", "东关大集", "东昌湖景区北门"],
    estate: ["东关街幸福里小区", "花园北路阳光家园", "振兴路锦华苑", "新东路翡翠城"],
  },
  西城区: {
    cross: ["建设路与柳园路交叉口", "湖南路与卫育路路口", "西关街与建设路路口", "利民路与湖南路交叉口", "古楼路与西关街路口"],
    road: ["建设路", "湖南路", "卫育路", "西关街", "利民路", "古楼路"],
    school: ["建设路实验小学", "西城区第一中学", "利民路小学", "卫育路幼儿园"],
    venue: ["西关步行街", "金鼎购物中心", "市中医院", "古楼商业街"],
    estate: ["卫育路锦绣苑", "湖南路和平小区", "利民路紫薇花园", "古楼路水岸名都"],
  },
  南城区: {
    cross: ["柳园南路与昌润路交叉口", "南环路与站前街路口", "昌润路与育新街交叉口", "南环路与柳园南路路口", "育新街与光明路交叉口", "站前街与建材路路口"],
    road: ["柳园南路", "昌润路", "南环路", "站前街", "育新街", "光明路", "建材路"],
    school: ["南城区实验中学", "育新小学", "昌润路幼儿园", "光明路小学"],
    venue: ["火车站站前广场", "南城农贸市场", "南城汽车站", "南城区人民医院"],
    estate: ["柳园南路康居小区", "昌润路丽水苑", "南环路御景园", "育新街和谐家园", "建材路龙湾小区"],
  },
  北城区: {
    cross: ["北环路与花园北路交叉口", "龙山路与北顺街路口", "北环路与龙山路交叉口", "建设北路与北顺街路口", "振华路与化工路交叉口"],
    road: ["北环路", "龙山路", "北顺街", "建设北路", "振华路", "化工路"],
    school: ["北城小学", "龙山中学", "北顺街幼儿园", "振华路实验学校"],
    venue: ["北城汽车站", "龙山商贸城", "北城物流园", "北城区中心医院"],
    estate: ["北顺街金色家园", "龙山路书香苑", "北环路金城花园", "振华路香榭里", "化工路安居小区"],
  },
};

const DISTRICT_NAMES = Object.keys(PLACES);
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
const CONTACT_NOTES = [
  "电话联系群众，了解诉求详情",
  "电话联系群众，约定现场查看时间",
  "到现场与群众当面沟通，核实情况",
  "电话联系群众，告知办理进度",
];
/** The reply after a reopen (重办): the first one did not satisfy the caller. */
const REOPEN_REPLY = "您好，针对您对首次答复提出的意见，我们于{date}再次联系您并重新核实处理，已督促整改落实，后续将持续跟踪。";
const UNSATISFIED_COMMENTS = ["问题反复出现，没有根本解决", "处理太慢", "答复太笼统", "希望加大整治力度", null];
const PRAISE_COMMENTS = ["处理及时，感谢", "民警态度很好", "问题已经解决了", null, null, null];

type Text = {
  sample: Sample;
  type: TicketType;
  title: string;
  content: string;
  district: string | null;
  place: string | null;
};

// ─── Units ───────────────────────────────────────────────────────────────────

type Profile = {
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
const DISTRICT_OF: Record<UnitCode, string | null> = { ZQ1: "东城区", ZQ2: "西城区", ZQ3: "南城区", ZQ4: "北城区", SG: null, CGS: null };

const PROFILES: readonly Profile[] = [
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
const YEAR_2022 = { total: 1476, satisfied: 1200, basic: 135, unsatisfied: 100, none: 41 } as const;

/** 春节: far fewer calls. Years without an entry simply have no dip. */
const SPRING_FESTIVAL: Record<string, readonly [string, string]> = {
  "2022": ["2022-01-31", "2022-02-06"],
  "2024": ["2024-02-10", "2024-02-17"],
  "2025": ["2025-01-28", "2025-02-04"],
  "2026": ["2026-02-15", "2026-02-23"],
};

/** Calls by hour of day: a morning and an afternoon peak, quiet nights. */
const HOURS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 2, 3.2, 3.5, 3.3, 2.8, 2.2, 2.5, 3, 3.1, 3, 2.8, 2.2, 1.6, 1.3, 1, 0.7, 0.4].map(
  (weight, hour) => [hour, weight] as const,
);

/** The three planted 集中反映: same place (spelt a little differently) + category, last 30 days. */
const CLUSTERS: readonly {
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

// ─── Randomness helpers ──────────────────────────────────────────────────────

function between(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng();
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

function pickWeighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Splits `total` in proportion to `weights`, exactly (largest remainder). */
function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k]![1]]!++;
  return counts;
}

// ─── Calendar of calls ───────────────────────────────────────────────────────

/** Relative call volume of a local day: weekends a little quieter, 春节 much, 国庆 busier. */
function dayWeight(date: string): number {
  const [year, monthDay] = [date.slice(0, 4), date.slice(5)];
  const festival = SPRING_FESTIVAL[year];
  if (festival && date >= festival[0] && date <= festival[1]) return 0.45;
  if (monthDay >= "10-01" && monthDay <= "10-07") return 1.35;
  if (monthDay >= "05-01" && monthDay <= "05-05") return 1.2;
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6 ? 0.85 : 1;
}

function daysOfMonth(year: number, month: number): string[] {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const days: string[] = [];
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addLocalDays(d, 1)) days.push(d);
  return days;
}

/** A receipt instant on `date`, at an hour drawn from the hotline's daily curve. */
function timeOn(rng: Rng, date: string): number {
  const hour = pickWeighted(rng, HOURS);
  return localMidnight(date).getTime() + hour * HOUR + Math.floor(rng() * HOUR);
}

/** `total` receipt instants over `days`, following dayWeight with some day-to-day noise. */
function receipts(rng: Rng, days: readonly string[], total: number): number[] {
  const counts = allocate(total, days.map((d) => dayWeight(d) * between(rng, 0.6, 1.4)));
  return days.flatMap((date, i) => Array.from({ length: counts[i]! }, () => timeOn(rng, date))).sort((a, b) => a - b);
}

// ─── Hot-issue guard ─────────────────────────────────────────────────────────

const placeKeys = new Map<string, string>();

/** normalisePlace, memoised: the same few thousand place texts come up again and again. */
function placeKeyOf(place: string | null): string {
  if (place === null) return "";
  let key = placeKeys.get(place);
  if (key === undefined) placeKeys.set(place, (key = normalisePlace(place)));
  return key;
}

/**
 * Remembers (category, placeKey) → receipt times, so ordinary tickets never make three within
 * 30 days: if a new ticket had two others within 30 days either side, some 30-day window would
 * hold three. Only the planted clusters (and whatever the demo seed made) form hot issues.
 */
class HotIssueGuard {
  private readonly seen = new Map<string, number[]>();

  add(category: string, place: string | null, at: number): void {
    const key = this.key(category, place);
    if (!key) return;
    const times = this.seen.get(key);
    if (times) times.push(at);
    else this.seen.set(key, [at]);
  }

  crowded(category: string, place: string | null, at: number): boolean {
    const key = this.key(category, place);
    if (!key) return false;
    let near = 0;
    for (const t of this.seen.get(key) ?? []) if (Math.abs(t - at) < HOT_WINDOW && ++near >= 2) return true;
    return false;
  }

  private key(category: string, place: string | null): string | null {
    const placeKey = placeKeyOf(place);
    return placeKey ? `${category}\u0000${placeKey}` : null;
  }
}

// ─── Planning: who called, about what, and how it ended ──────────────────────

type Plan = {
  unit: UnitCode;
  receivedAt: number;
  category: CategoryCode;
  channel: Channel;
  text: Text;
  citizen: { name: string; phone: string };
  /** The final evaluation. */
  outcome: Outcome;
  resolved: boolean;
  source: Source;
  /** 不满意 in round 1, reopened once (重办), evaluated again. */
  reopened: boolean;
  returnedFrom: UnitCode | null;
  late: { sign: boolean; contact: boolean; close: boolean };
  /** A planted hot-issue ticket: its reply names the place. */
  clusterReply?: string;
};

function placeText(rng: Rng, kind: PlaceKind, district: string, numbered: boolean): string {
  const name = pick(rng, PLACES[district]![kind === "street" ? "road" : kind]);
  // Callers often give a house number on a road; it also keeps ordinary tickets apart.
  return kind === "road" && (numbered || rng() < 0.75) ? `${name}${1 + Math.floor(rng() * 300)}号附近` : name;
}

/** 表扬 is a small share of the hotline's calls. */
function sampleWeight(sample: Sample): number {
  return sample.types.includes("PRAISE") ? 0.25 : 1;
}

/** Samples about a stretch of road or about no place: with a house number, never crowded. */
function spreadSamples(category: CategoryCode): readonly Sample[] {
  return SAMPLES[category].filter((s) => s.place === "road" || s.place === null);
}

function drawText(rng: Rng, category: CategoryCode, unitDistrict: string | null, spread = false): Text {
  const sample = pickWeighted(rng, (spread ? spreadSamples(category) : SAMPLES[category]).map((s) => [s, sampleWeight(s)] as const));
  // 事故 happen anywhere: the caller names the district of the crash; 车管 has none.
  const district = unitDistrict ?? (category === "ACCIDENT" ? pick(rng, DISTRICT_NAMES) : null);
  let place: string | null = null;
  if (sample.place && typeof sample.place === "object") place = sample.place.fixed;
  else if (sample.place && district) place = placeText(rng, sample.place, district, spread);
  const content = sample.content.replaceAll("{place}", place ?? "");
  return { sample, type: pick(rng, sample.types), title: sample.title, content, district, place };
}

/** A text whose place + category does not make an accidental hot issue. */
function chooseText(rng: Rng, guard: HotIssueGuard, category: CategoryCode, district: string | null, at: number): Text {
  let text = drawText(rng, category, district);
  for (let attempt = 0; attempt < 8 && guard.crowded(category, text.place, at); attempt++) {
    text = drawText(rng, category, district);
  }
  // Busy months use up the named places (schools, malls, estates): fall back to a house number.
  while (guard.crowded(category, text.place, at)) text = drawText(rng, category, district, true);
  guard.add(category, text.place, at);
  return text;
}

function citizen(rng: Rng): { name: string; phone: string } {
  const name = `${pick(rng, SURNAMES)}${rng() < 0.55 ? "先生" : "女士"}`;
  const phone = `1${pick(rng, ["3", "5", "7", "8", "9"])}${String(Math.floor(rng() * 1e9)).padStart(9, "0")}`;
  return { name, phone };
}

type Rates = { satisfaction: number; basicShare: number; resolution: number; none: number };

/** Draws one ticket's final evaluation from a unit-month's rates. */
function drawOutcome(rng: Rng, rates: Rates): { outcome: Outcome; resolved: boolean } {
  if (rng() < rates.none) return { outcome: "NONE", resolved: false };
  if (rng() >= rates.satisfaction) return { outcome: "UNSATISFIED", resolved: rng() < rates.resolution - 0.35 };
  // Satisfied callers were almost always helped; keeps 解决率 near the unit's rate overall.
  const resolved = rng() < Math.min(0.998, rates.resolution + 0.02);
  return { outcome: rng() < rates.basicShare ? "BASIC" : "SATISFIED", resolved };
}

function drawLate(rng: Rng, late: Profile["late"]): Plan["late"] {
  return { sign: rng() < late.sign, contact: rng() < late.contact, close: rng() < late.close };
}

/** 30 % of final 不满意 were reopened once; a few satisfied ones got there through a reopen. */
function drawReopen(rng: Rng, outcome: Outcome, type: TicketType): boolean {
  if (type === "PRAISE") return false;
  if (outcome === "UNSATISFIED") return rng() < 0.3;
  if (outcome === "SATISFIED" || outcome === "BASIC") return rng() < 0.01;
  return false;
}

function plan2022(guard: HotIssueGuard): Plan[] {
  const rng = prng(20220101);
  const profile = PROFILES[0]!; // ZQ1
  const days: string[] = [];
  for (let m = 1; m <= 12; m++) days.push(...daysOfMonth(2022, m));
  const weights = days.map((d) => dayWeight(d) * profile.seasonal[Number(d.slice(5, 7)) - 1]! * between(rng, 0.6, 1.4));
  const counts = allocate(YEAR_2022.total, weights);
  const times = days.flatMap((date, i) => Array.from({ length: counts[i]! }, () => timeOn(rng, date))).sort((a, b) => a - b);

  const tickets = times.map((receivedAt) => {
    const category = pickWeighted(rng, profile.categories);
    return { receivedAt, category, text: chooseText(rng, guard, category, "东城区", receivedAt) };
  });
  // The year's exact evaluation mix, every answered one resolved: 表扬 callers get 满意, the
  // others the rest of the mix at random.
  const praised = tickets.filter((t) => t.text.type === "PRAISE").length;
  const rest = shuffle(rng, [
    ...Array<Outcome>(YEAR_2022.satisfied - praised).fill("SATISFIED"),
    ...Array<Outcome>(YEAR_2022.basic).fill("BASIC"),
    ...Array<Outcome>(YEAR_2022.unsatisfied).fill("UNSATISFIED"),
    ...Array<Outcome>(YEAR_2022.none).fill("NONE"),
  ]);
  return tickets.map(({ receivedAt, category, text }) => {
    const outcome: Outcome = text.type === "PRAISE" ? "SATISFIED" : rest.pop()!;
    return {
      unit: "ZQ1",
      receivedAt,
      category,
      channel: pickWeighted(rng, [["HOTLINE_12345", 0.5], ["PHONE_12123", 0.35], ["WEB", 0.08], ["WECHAT", 0.07]] as const),
      text,
      citizen: citizen(rng),
      outcome,
      resolved: outcome !== "NONE",
      source: rng() < 0.7 ? "CALLBACK" : "LINK",
      reopened: drawReopen(rng, outcome, text.type),
      returnedFrom: null,
      late: drawLate(rng, { sign: 0.025, contact: 0.03, close: 0.04 }),
    } satisfies Plan;
  });
}

/** Months from January 2024 through the month of `lastDay`, each with its days up to `lastDay`. */
function recentMonths(lastDay: string): { year: number; month: number; days: string[]; full: number }[] {
  const months = [];
  for (let year = 2024, month = 1; `${year}-${String(month).padStart(2, "0")}` <= lastDay.slice(0, 7); ) {
    const all = daysOfMonth(year, month);
    months.push({ year, month, days: all.filter((d) => d <= lastDay), full: all.length });
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

function monthRates(rng: Rng, profile: Profile): Rates {
  return {
    satisfaction: clamp(profile.satisfaction + between(rng, -0.025, 0.025), 0.83, 0.975),
    basicShare: profile.basicShare,
    resolution: clamp(profile.resolution + between(rng, -0.02, 0.02), 0.88, 0.995),
    none: between(rng, 0.02, 0.04),
  };
}

function planRecent(guard: HotIssueGuard, now: number): Plan[] {
  const lastDay = addLocalDays(localDateOf(new Date(now)), -1);
  const plans: Plan[] = [];
  for (const [index, profile] of PROFILES.entries()) {
    const rng = prng(20240101 + index * 7919);
    for (const { year, month, days, full } of recentMonths(lastDay)) {
      const growth = 1 + 0.04 * (year - 2024);
      const volume = profile.monthly * profile.seasonal[month - 1]! * growth * between(rng, 0.92, 1.08);
      const total = Math.round((volume * days.length) / full);
      const rates = monthRates(rng, profile);
      for (const receivedAt of receipts(rng, days, total)) plans.push(planTicket(rng, guard, profile, rates, receivedAt, now));
    }
  }
  return plans;
}

function planTicket(rng: Rng, guard: HotIssueGuard, profile: Profile, rates: Rates, receivedAt: number, now: number): Plan {
  const category = pickWeighted(rng, profile.categories);
  const drawn = drawOutcome(rng, rates);
  const settled = now - receivedAt > SETTLED;
  const returnedFrom = settled && profile.returnedFrom && rng() < 0.015 ? profile.returnedFrom : null;
  const text = chooseText(rng, guard, category, profile.district, receivedAt);
  // Someone calling to praise an officer is satisfied with the answer.
  const { outcome, resolved } = text.type === "PRAISE" ? { outcome: "SATISFIED" as const, resolved: true } : drawn;
  // 退单: the caller named the neighbouring district, so routing sent it there; the place is ours.
  if (returnedFrom) text.district = DISTRICT_OF[returnedFrom];
  return {
    unit: profile.unit,
    receivedAt,
    category,
    channel: pickWeighted(rng, profile.channels),
    text,
    citizen: citizen(rng),
    outcome,
    resolved,
    source: rng() < 0.7 ? "CALLBACK" : "LINK",
    reopened: settled && drawReopen(rng, outcome, text.type),
    returnedFrom,
    late: drawLate(rng, profile.late),
  };
}

function planClusters(guard: HotIssueGuard, now: number): Plan[] {
  const rng = prng(20260101);
  const today = localDateOf(new Date(now));
  return CLUSTERS.flatMap((cluster) => {
    const profile = PROFILES.find((p) => p.unit === cluster.unit)!;
    return cluster.daysAgo.map((ago, i) => {
      const receivedAt = localMidnight(addLocalDays(today, -ago)).getTime() + between(rng, 7.5, 20) * HOUR;
      const [title, content] = cluster.texts[i % cluster.texts.length]!;
      const place = cluster.places[i % cluster.places.length]!;
      const sample = SAMPLES[cluster.category].find((s) => s.place !== null)!;
      guard.add(cluster.category, place, receivedAt);
      return {
        unit: cluster.unit,
        receivedAt,
        category: cluster.category,
        channel: pickWeighted(rng, profile.channels),
        text: { sample, type: cluster.type, title, content, district: profile.district, place },
        citizen: citizen(rng),
        ...drawOutcome(rng, monthRates(rng, profile)),
        source: rng() < 0.7 ? "CALLBACK" : "LINK",
        reopened: false,
        returnedFrom: null,
        late: { sign: false, contact: false, close: false },
        clusterReply: cluster.reply,
      } satisfies Plan;
    });
  });
}

// ─── Clocks ──────────────────────────────────────────────────────────────────

/**
 * The calendar, memoised per local day for computeDeadlines (its day-by-day walk was a sixth
 * of the seed's time). Exact by the calendar's own rule: from any instant after midnight of a
 * working day, n working days later is the same span later (every later working day counts
 * whole); from a day off, the clock starts at the next working day, so the end is one instant.
 * Midnight itself ends at 24:00 of the n-th day instead, so it is not memoised.
 */
class DayMemoCalendar extends WorkCalendar {
  private readonly memo = new Map<string, { shift: number } | { at: number }>();

  override addWorkingDays(from: Date, days: number): Date {
    const date = localDateOf(from);
    if (from.getTime() === localMidnight(date).getTime()) return super.addWorkingDays(from, days);
    const key = `${date}|${days}`;
    let known = this.memo.get(key);
    if (!known) {
      const at = super.addWorkingDays(from, days).getTime();
      known = this.isWorkingDay(date) ? { shift: at - from.getTime() } : { at };
      this.memo.set(key, known);
    }
    return new Date("shift" in known ? from.getTime() + known.shift : known.at);
  }
}

type Evaluated = {
  at: number;
  satisfaction: Exclude<Outcome, "NONE">;
  resolved: boolean;
  source: Source;
  round: number;
  comment: string | null;
};

/** A caller's answer; a 不满意 one usually says why, a satisfied one sometimes says thanks. */
function answer(rng: Rng, at: number, satisfaction: Evaluated["satisfaction"], resolved: boolean, source: Source, round: number): Evaluated {
  const comment = satisfaction === "UNSATISFIED" ? pick(rng, UNSATISFIED_COMMENTS) : rng() < 0.2 ? pick(rng, PRAISE_COMMENTS) : null;
  return { at, satisfaction, resolved, source, round, comment };
}

/** Every instant of a ticket's life, in ms. Null where the step has not happened (yet). */
type Clocks = {
  dispatchedAt: number;
  returned: { requestedAt: number; approvedAt: number } | null;
  signDueAt: number;
  contactDueAt: number;
  firstDueAt: number;
  dueAt: number;
  signedAt: number;
  firstContactAt: number;
  coordinatedAt: number | null;
  /** Round 1 of a reopened ticket: replied, judged 不满意, reopened. */
  firstRound: { repliedAt: number; evaluation: Evaluated; reopenedAt: number; recontactedAt: number } | null;
  repliedAt: number;
  evaluation: Evaluated | null;
  /** 未评价: the window ran out here. */
  expiredAt: number | null;
  /** 不满意: the manager's decision to close (办结) instead of reopening again. */
  reviewedAt: number | null;
  closedAt: number | null;
  awaitingReview: boolean;
  /** When the scheduler recorded each crossed deadline (the OVERDUE event and its marker). */
  overdue: Record<Deadline, number | null>;
};

type Deadline = "SIGN" | "CONTACT" | "CLOSE";

type Ctx = {
  calendar: WorkCalendar;
  policies: TimeLimitPolicy[];
  now: number;
};

function policyOf(ctx: Ctx, type: TicketType): TimeLimitPolicy {
  return selectPolicy(ctx.policies, { type, urgency: "NORMAL", grade: "NORMAL" });
}

function evaluationDelay(rng: Rng, source: Source): number {
  // Dispatchers call back within a day or so; citizens answer the link when they get to it.
  return source === "CALLBACK" ? between(rng, 1, 30) * HOUR : between(rng, 0.5, 60) * HOUR;
}

/** The whole life of a finished ticket, as it would have run with no `now` in the way. */
function scheduleClocks(rng: Rng, plan: Plan, ctx: Ctx): Clocks {
  const r = plan.receivedAt;
  const policy = policyOf(ctx, plan.text.type);
  const base = computeDeadlines(ctx.calendar, policy, { receivedAt: new Date(r), dispatchedAt: new Date(r) });
  let dispatchedAt = r;
  let signDueAt = base.signDueAt!.getTime();
  let returned: Clocks["returned"] = null;
  if (plan.returnedFrom) {
    // 退单 within the 2-working-hour window; re-dispatch restarts the sign clock (approveReturn).
    const requestedAt = r + between(rng, 15, 100) * MINUTE;
    const approvedAt = requestedAt + between(rng, 10, 50) * MINUTE;
    returned = { requestedAt, approvedAt };
    dispatchedAt = approvedAt;
    signDueAt = computeDeadlines(ctx.calendar, policy, { receivedAt: new Date(r), dispatchedAt: new Date(approvedAt) }).signDueAt!.getTime();
  }
  const contactDueAt = base.contactDueAt.getTime();
  const firstDueAt = base.dueAt.getTime();
  const signedAt = dispatchedAt + (plan.late.sign ? between(rng, 65, 200) : between(rng, 3, 55)) * MINUTE;
  const firstContactAt = plan.late.contact
    ? Math.max(contactDueAt + between(rng, 0.5, 16) * HOUR, signedAt + 10 * MINUTE)
    : signedAt + between(rng, 0.15, Math.min(8, (contactDueAt - signedAt) / HOUR - 0.2)) * HOUR;

  const clocks: Clocks = {
    dispatchedAt,
    returned,
    signDueAt,
    contactDueAt,
    firstDueAt,
    dueAt: firstDueAt,
    signedAt,
    firstContactAt,
    coordinatedAt: null,
    firstRound: null,
    repliedAt: 0,
    evaluation: null,
    expiredAt: null,
    reviewedAt: null,
    closedAt: null,
    awaitingReview: false,
    overdue: { SIGN: null, CONTACT: null, CLOSE: null },
  };
  if (plan.reopened) scheduleReopened(rng, plan, ctx, clocks, policy);
  else scheduleOneRound(rng, plan, clocks);
  if (plan.text.sample.coordination) {
    // 不推诿: the department was consulted between the first contact and the first reply.
    const firstReply = clocks.firstRound?.repliedAt ?? clocks.repliedAt;
    clocks.coordinatedAt = firstContactAt + (firstReply - firstContactAt) * between(rng, 0.3, 0.8);
  }
  return clocks;
}

/** Reply, 回访, close — planned back from a close time inside (or, if late, past) the limit. */
function scheduleOneRound(rng: Rng, plan: Plan, c: Clocks): void {
  const unsatisfied = plan.outcome === "UNSATISFIED";
  if (plan.outcome === "NONE") {
    c.repliedAt = plan.late.close
      ? c.dueAt + between(rng, 2, 48) * HOUR
      : c.firstContactAt + between(rng, 0.1, 0.8) * (c.dueAt - c.firstContactAt);
    // The expiry job runs every minute.
    c.expiredAt = c.repliedAt + EVALUATION_WINDOW + between(rng, 5, 60) * SECOND;
    c.closedAt = c.expiredAt;
    return;
  }
  let evaluate = evaluationDelay(rng, plan.source);
  let review = unsatisfied ? between(rng, 3, 40) * HOUR : 0;
  if (plan.late.close) {
    c.repliedAt = c.dueAt + between(rng, 2, 48) * HOUR;
  } else {
    const closeAt = c.firstContactAt + between(rng, 0.3, 0.97) * (c.dueAt - c.firstContactAt);
    // 回访 and review fit inside the limit, leaving most of it for the handling itself.
    const room = 0.7 * (closeAt - c.firstContactAt);
    if (evaluate + review > room) [evaluate, review] = [(evaluate * room) / (evaluate + review), (review * room) / (evaluate + review)];
    c.repliedAt = closeAt - review - evaluate;
  }
  c.evaluation = answer(rng, c.repliedAt + evaluate, plan.outcome, plan.resolved, plan.source, 1);
  if (unsatisfied) c.reviewedAt = c.evaluation.at + review;
  c.closedAt = c.reviewedAt ?? c.evaluation.at;
}

/** 不满意 → the manager reopens (重办, fresh close limit from then) → reply and 回访 again. */
function scheduleReopened(rng: Rng, plan: Plan, ctx: Ctx, c: Clocks, policy: TimeLimitPolicy): void {
  const repliedAt = c.firstContactAt + between(rng, 0.2, 0.6) * (c.firstDueAt - c.firstContactAt);
  const firstSource: Source = rng() < 0.7 ? "CALLBACK" : "LINK";
  const evaluation = answer(rng, repliedAt + evaluationDelay(rng, firstSource), "UNSATISFIED", false, firstSource, 1);
  const reopenedAt = evaluation.at + between(rng, 2, 20) * HOUR;
  const recontactedAt = reopenedAt + between(rng, 0.3, 6) * HOUR;
  c.firstRound = { repliedAt, evaluation, reopenedAt, recontactedAt };
  c.dueAt = computeDeadlines(ctx.calendar, policy, { receivedAt: new Date(reopenedAt) }).dueAt.getTime();
  c.repliedAt = plan.late.close
    ? c.dueAt + between(rng, 2, 24) * HOUR
    : recontactedAt + between(rng, 0.2, 0.6) * (c.dueAt - recontactedAt);
  // drawReopen never reopens a 未评价 ticket; the fallback only satisfies the type.
  const finalOutcome = plan.outcome === "NONE" ? "SATISFIED" : plan.outcome;
  c.evaluation = answer(rng, c.repliedAt + evaluationDelay(rng, plan.source), finalOutcome, plan.resolved, plan.source, 2);
  if (finalOutcome === "UNSATISFIED") c.reviewedAt = c.evaluation.at + between(rng, 3, 40) * HOUR;
  c.closedAt = c.reviewedAt ?? c.evaluation.at;
}

/**
 * Cuts a ticket's life at `now` when its 回访 or close would fall after it. Most such tickets
 * are squeezed to have finished just before now (a short handling, as fast units manage); a
 * share (STILL_WAITING, and every 未评价 one, whose 7-day window cannot shrink) is left REPLIED
 * awaiting 回访, or awaiting the manager's review after 不满意 — never still in handling: if
 * the reply itself would fall after now, the handling is squeezed to end before it.
 */
function cutAtNow(rng: Rng, c: Clocks, now: number, receivedAt: number): void {
  const cap = now - 5 * MINUTE;
  if (c.closedAt !== null && c.closedAt <= cap) return;
  if (c.firstRound || c.returned) throw new Error("seedHistoryTickets: a reopened or returned ticket must end before now (see SETTLED)");
  const waits = c.expiredAt !== null || rng() < STILL_WAITING;
  if (!waits) {
    squeeze(c, receivedAt, (between(rng, 0.5, 0.95) * (cap - receivedAt)) / (c.closedAt! - receivedAt));
    return;
  }
  if (c.repliedAt > cap) squeeze(c, receivedAt, (between(rng, 0.4, 0.9) * (cap - receivedAt)) / (c.repliedAt - receivedAt));
  // Only a 未评价 ticket can have an older reply here (its window is 7 days): reply later.
  const fresh = now - FRESH_REPLY_DAYS * DAY;
  if (c.repliedAt < fresh) c.repliedAt = Math.max(fresh + between(rng, 0, FRESH_REPLY_DAYS - 1) * DAY, c.firstContactAt + HOUR);
  c.closedAt = null;
  c.expiredAt = null;
  c.reviewedAt = null;
  if (c.evaluation && c.evaluation.at <= cap && c.evaluation.satisfaction === "UNSATISFIED") c.awaitingReview = true;
  else c.evaluation = null;
}

/** Scales every step after receipt towards it by `factor` (< 1), keeping their order. */
function squeeze(c: Clocks, receivedAt: number, factor: number): void {
  const at = (t: number) => receivedAt + (t - receivedAt) * factor;
  c.signedAt = at(c.signedAt);
  c.firstContactAt = at(c.firstContactAt);
  if (c.coordinatedAt !== null) c.coordinatedAt = at(c.coordinatedAt);
  c.repliedAt = at(c.repliedAt);
  if (c.evaluation) c.evaluation = { ...c.evaluation, at: at(c.evaluation.at) };
  if (c.reviewedAt !== null) c.reviewedAt = at(c.reviewedAt);
  if (c.closedAt !== null) c.closedAt = at(c.closedAt);
}

/** The scheduler runs every minute: a crossing is recorded at its first run after the deadline. */
function markOverdue(rng: Rng, c: Clocks): void {
  const crossed = (dueAt: number, metAt: number) => (metAt <= dueAt ? null : dueAt + Math.min(between(rng, 1, 60) * SECOND, (metAt - dueAt) / 2));
  c.overdue = {
    SIGN: crossed(c.signDueAt, c.signedAt),
    CONTACT: crossed(c.contactDueAt, c.firstContactAt),
    CLOSE: crossed(c.dueAt, c.repliedAt),
  };
}

// ─── Rows ────────────────────────────────────────────────────────────────────

type SqlValue = string | number | null;

const TICKET_COLUMNS = [
  "id", "no", "externalId", "channel", "type", "categoryCode", "subCategory", "urgency", "grade", "title", "content",
  "district", "place", "placeKey", "lat", "lng", "citizenName", "citizenPhone", "anonymous", "citizenUserId", "status",
  "ownerUnitId", "squadronUnitId", "handlerId", "receivedAt", "dispatchedAt", "signedAt", "firstContactAt", "repliedAt",
  "closedAt", "signDueAt", "contactDueAt", "dueAt", "escalationAt", "signOverdueAt", "contactOverdueAt", "dueOverdueAt",
  "returnPending", "returnCount", "extensionPending", "extendedDays", "reopenCount", "supervised", "supervisionDueAt",
  "replyText", "coordinatedWith", "coordinatedAt", "coordinationAnswer", "resolved", "satisfaction", "evaluatedAt",
  "evaluationTokenHash", "evaluationExpiresAt", "callbackAttempts", "awaitingReview", "mergedIntoId", "invalidReason",
  "version", "createdAt", "updatedAt",
] as const;
const EVENT_COLUMNS = ["id", "ticketId", "type", "actorId", "actorUnitId", "visibility", "payload", "createdAt"] as const;
const EVALUATION_COLUMNS = ["id", "ticketId", "round", "resolved", "satisfaction", "comment", "source", "recordedById", "createdAt"] as const;
const RETURN_COLUMNS = [
  "id", "ticketId", "fromUnitId", "suggestedUnitId", "reason", "requestedById", "status", "toUnitId", "decidedById",
  "decisionNote", "decidedAt", "createdAt",
] as const;

type Row<C extends readonly string[]> = Record<C[number], SqlValue>;
type TicketRow = Row<typeof TICKET_COLUMNS>;
type EventRow = Row<typeof EVENT_COLUMNS>;
type EvaluationRow = Row<typeof EVALUATION_COLUMNS>;
type ReturnRow = Row<typeof RETURN_COLUMNS>;

type Built = { ticket: TicketRow; events: EventRow[]; evaluations: EvaluationRow[]; returnRequest: ReturnRow | null };

type Actor = { userId: string | null; unitId: string | null };
type Org = {
  unitId: Record<UnitCode | "ZHZX" | "ZD", string>;
  unitName: Record<UnitCode, string>;
  /** The unit's demo handler, who signs, contacts and replies; ZQ3 and ZQ4 have no demo users. */
  handler: Partial<Record<UnitCode, string>>;
  dispatcher: string;
  manager: string;
  rules: Map<string, { id: string; name: string }>;
};

const ms = (t: number): number => Math.round(t);
const iso = (t: number): string => new Date(ms(t)).toISOString();
const bool = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);

function formatDay(t: number): string {
  const [, month, day] = localDateOf(new Date(t)).split("-").map(Number);
  return `${month}月${day}日`;
}

function fill(template: string, text: Text, date: number): string {
  return template.replaceAll("{place}", text.place ?? "").replaceAll("{date}", formatDay(date));
}

function routedPayload(org: Org, category: CategoryCode, district: string | null, unit: UnitCode): string {
  // Brigade categories route on category + district; 事故 and 便民 on the category alone.
  const viaDistrict = unit !== "SG" && unit !== "CGS";
  const rule = org.rules.get(`${category}|${viaDistrict ? district : ""}`);
  const parts = [`分类「${categoryName(category)}」`, ...(viaDistrict ? [`辖区「${district}」`] : [])];
  return JSON.stringify({ unit, rule: rule?.name ?? null, ruleId: rule?.id ?? null, reason: `规则「${rule?.name ?? ""}」：${parts.join("、")}匹配` });
}

/** Builds the ticket row, its timeline, its evaluation rounds and its return request. */
function buildTicket(rng: Rng, plan: Plan, no: string, org: Org, ctx: Ctx): Built {
  const c = scheduleClocks(rng, plan, ctx);
  cutAtNow(rng, c, ctx.now, plan.receivedAt);
  markOverdue(rng, c);
  const id = randomUUID();
  const owner: Actor = { userId: org.handler[plan.unit] ?? null, unitId: org.unitId[plan.unit] };
  const first = fill(plan.clusterReply ?? plan.text.sample.reply, plan.text, c.firstContactAt);
  const again = c.firstRound ? fill(REOPEN_REPLY, plan.text, c.firstRound.recontactedAt) : null;
  const reply = again ?? first;
  const events = timeline(rng, { plan, c, id, org, owner, reply }, first);
  const evaluations = [c.firstRound?.evaluation, c.evaluation]
    .filter((e): e is Evaluated => !!e)
    .map((e) => evaluationRow(id, e, org));
  if (c.expiredAt !== null) evaluations.push(expiredRow(id, c.expiredAt, c.firstRound ? 2 : 1));
  return { ticket: ticketRow({ plan, c, id, org, reply }, no, events), events, evaluations, returnRequest: returnRow(plan, c, id, org) };
}

/** What the row builders share about one ticket. */
type Parts = { plan: Plan; c: Clocks; id: string; org: Org; reply: string };

function ticketRow({ plan, c, id, org, reply }: Parts, no: string, events: EventRow[]): TicketRow {
  const { text } = plan;
  const closed = c.closedAt !== null;
  const final = c.evaluation;
  const none = c.expiredAt !== null;
  const marker = (deadline: Deadline) => (c.overdue[deadline] === null ? null : ms(c.overdue[deadline]));
  const coordination = text.sample.coordination;
  return {
    id,
    no,
    externalId: null,
    channel: plan.channel,
    type: text.type,
    categoryCode: plan.category,
    subCategory: null,
    urgency: "NORMAL",
    grade: "NORMAL",
    title: text.title,
    content: text.content,
    district: text.district,
    place: text.place,
    placeKey: placeKeyOf(text.place) || null,
    lat: null,
    lng: null,
    citizenName: plan.citizen.name,
    citizenPhone: plan.citizen.phone,
    anonymous: 0,
    citizenUserId: null,
    status: closed ? "CLOSED" : "REPLIED",
    ownerUnitId: org.unitId[plan.unit],
    squadronUnitId: null,
    handlerId: null,
    receivedAt: ms(plan.receivedAt),
    dispatchedAt: ms(c.dispatchedAt),
    signedAt: ms(c.signedAt),
    firstContactAt: ms(c.firstContactAt),
    repliedAt: ms(c.repliedAt),
    closedAt: closed ? ms(c.closedAt!) : null,
    signDueAt: ms(c.signDueAt),
    contactDueAt: ms(c.contactDueAt),
    dueAt: ms(c.dueAt),
    // Replied or closed: no clock left running (perform.ts clears it outside the open states).
    escalationAt: null,
    signOverdueAt: marker("SIGN"),
    contactOverdueAt: marker("CONTACT"),
    dueOverdueAt: marker("CLOSE"),
    returnPending: 0,
    returnCount: c.returned ? 1 : 0,
    extensionPending: 0,
    extendedDays: 0,
    reopenCount: c.firstRound ? 1 : 0,
    supervised: 0,
    supervisionDueAt: null,
    replyText: reply,
    coordinatedWith: coordination?.with ?? null,
    coordinatedAt: c.coordinatedAt === null ? null : ms(c.coordinatedAt),
    coordinationAnswer: coordination?.answer ?? null,
    resolved: none ? null : final ? bool(final.resolved) : null,
    satisfaction: none ? "NONE" : (final?.satisfaction ?? null),
    evaluatedAt: none ? ms(c.expiredAt!) : final ? ms(final.at) : null,
    // No SMS went out for demo data, so there is no link token; 回访 by phone still works.
    evaluationTokenHash: null,
    evaluationExpiresAt: !closed && !c.awaitingReview ? ms(c.repliedAt + EVALUATION_WINDOW) : null,
    callbackAttempts: 0,
    awaitingReview: bool(c.awaitingReview),
    mergedIntoId: null,
    invalidReason: null,
    version: 1,
    createdAt: ms(plan.receivedAt),
    updatedAt: Math.max(...events.map((e) => e.createdAt as number)),
  };
}

function eventRow(ticketId: string, type: EventType, at: number, payload: object | string, actor: Actor = { userId: null, unitId: null }): EventRow {
  return {
    id: randomUUID(),
    ticketId,
    type,
    actorId: actor.userId,
    actorUnitId: actor.unitId,
    visibility: EVENT_TYPES[type].visibility,
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    createdAt: ms(at),
  };
}

function overdueEvents(ticketId: string, c: Clocks): EventRow[] {
  const dueAt: Record<Deadline, number> = { SIGN: c.signDueAt, CONTACT: c.contactDueAt, CLOSE: c.dueAt };
  return (Object.keys(dueAt) as Deadline[]).flatMap((deadline) => {
    const at = c.overdue[deadline];
    return at === null ? [] : [eventRow(ticketId, "OVERDUE", at, { deadline, dueAt: iso(dueAt[deadline]) })];
  });
}

/** The ticket's history; `firstReply` differs from the final reply when the ticket was reopened. */
function timeline(rng: Rng, { plan, c, id, org, owner, reply: finalReply }: Parts & { owner: Actor }, firstReply: string): EventRow[] {
  const r = plan.receivedAt;
  const dispatcher: Actor = { userId: org.dispatcher, unitId: org.unitId.ZHZX };
  const manager: Actor = { userId: org.manager, unitId: org.unitId.ZD };
  const first = plan.returnedFrom ?? plan.unit;
  const firstUnit: Actor = { userId: org.handler[first] ?? null, unitId: org.unitId[first] };
  const events = [
    eventRow(id, "RECEIVED", r, { channel: plan.channel }),
    eventRow(id, "ROUTED", r, routedPayload(org, plan.category, plan.text.district, first), { userId: null, unitId: firstUnit.unitId }),
    eventRow(id, "DISPATCHED", r, { unit: first, unitName: org.unitName[first] }, { userId: null, unitId: firstUnit.unitId }),
  ];
  if (c.returned) {
    events.push(
      eventRow(id, "RETURN_REQUESTED", c.returned.requestedAt, { reason: returnReason(plan), suggestedUnit: plan.unit }, firstUnit),
      eventRow(id, "RETURN_APPROVED", c.returned.approvedAt, { from: first, unit: plan.unit, unitName: org.unitName[plan.unit] }, dispatcher),
    );
  }
  events.push(
    ...overdueEvents(id, c),
    eventRow(id, "SIGNED", c.signedAt, {}, owner),
    eventRow(id, "CONTACTED", c.firstContactAt, { note: pick(rng, CONTACT_NOTES) }, owner),
  );
  const reply = (at: number, text: string, first: boolean) => eventRow(id, "REPLIED", at, replyPayload(plan, c, text, first), owner);
  if (c.firstRound) {
    const { repliedAt, evaluation, reopenedAt, recontactedAt } = c.firstRound;
    events.push(
      reply(repliedAt, firstReply, true),
      evaluatedEvent(id, evaluation, evaluation.source === "CALLBACK" ? dispatcher : undefined),
      eventRow(id, "REOPENED", reopenedAt, { reason: "群众对答复不满意，要求重新核实处理", round: 2, dueAt: iso(c.dueAt) }, manager),
      eventRow(id, "CONTACTED", recontactedAt, { note: "重办：再次联系群众，约定现场复查" }, owner),
    );
  }
  events.push(reply(c.repliedAt, finalReply, !c.firstRound));
  events.push(...closingEvents(id, c, dispatcher, manager));
  return events.sort((a, b) => (a.createdAt as number) - (b.createdAt as number));
}

function closingEvents(id: string, c: Clocks, dispatcher: Actor, manager: Actor): EventRow[] {
  const round = c.firstRound ? 2 : 1;
  if (c.expiredAt !== null) {
    return [
      eventRow(id, "EVALUATED", c.expiredAt, { satisfaction: "NONE", source: "EXPIRED", round }),
      eventRow(id, "CLOSED", c.expiredAt, { satisfaction: "NONE", source: "EXPIRED" }),
    ];
  }
  if (!c.evaluation) return [];
  const by = c.evaluation.source === "CALLBACK" ? dispatcher : undefined;
  const events = [evaluatedEvent(id, c.evaluation, by)];
  if (c.reviewedAt !== null) {
    events.push(eventRow(id, "CLOSED", c.reviewedAt, { note: "已向群众解释说明，问题已按规定处理，予以办结", afterReview: true }, manager));
  } else if (c.closedAt !== null) {
    events.push(eventRow(id, "CLOSED", c.closedAt, { satisfaction: c.evaluation.satisfaction, source: c.evaluation.source }, by));
  }
  return events;
}

function evaluatedEvent(id: string, e: Evaluated, by: Actor | undefined): EventRow {
  return eventRow(id, "EVALUATED", e.at, { resolved: e.resolved, satisfaction: e.satisfaction, comment: e.comment, source: e.source, round: e.round }, by);
}

/** As the reply step writes it: the 非警务 coordination is recorded with the first reply. */
function replyPayload(plan: Plan, c: Clocks, text: string, first: boolean): object {
  const coordination = first ? plan.text.sample.coordination : undefined;
  return {
    text,
    coordinatedWith: coordination?.with ?? null,
    coordinatedAt: coordination && c.coordinatedAt !== null ? iso(c.coordinatedAt) : null,
    coordinationAnswer: coordination?.answer ?? null,
  };
}

function returnReason(plan: Plan): string {
  return `经现场核实，${plan.text.place ?? "该地点"}位于${DISTRICT_OF[plan.unit]}，不属于本大队辖区`;
}

function evaluationRow(ticketId: string, e: Evaluated, org: Org): EvaluationRow {
  return {
    id: randomUUID(),
    ticketId,
    round: e.round,
    resolved: bool(e.resolved),
    satisfaction: e.satisfaction,
    comment: e.comment,
    source: e.source,
    recordedById: e.source === "CALLBACK" ? org.dispatcher : null,
    createdAt: ms(e.at),
  };
}

function expiredRow(ticketId: string, at: number, round: number): EvaluationRow {
  return { id: randomUUID(), ticketId, round, resolved: null, satisfaction: "NONE", comment: null, source: "EXPIRED", recordedById: null, createdAt: ms(at) };
}

function returnRow(plan: Plan, c: Clocks, ticketId: string, org: Org): ReturnRow | null {
  if (!c.returned || !plan.returnedFrom) return null;
  return {
    id: randomUUID(),
    ticketId,
    fromUnitId: org.unitId[plan.returnedFrom],
    suggestedUnitId: org.unitId[plan.unit],
    reason: returnReason(plan),
    requestedById: org.handler[plan.returnedFrom]!,
    status: "APPROVED",
    toUnitId: org.unitId[plan.unit],
    decidedById: org.dispatcher,
    decisionNote: null,
    decidedAt: ms(c.returned.approvedAt),
    createdAt: ms(c.returned.requestedAt),
  };
}

// ─── Numbers ─────────────────────────────────────────────────────────────────

/**
 * 工单编号 in receipt order per local day, continuing each day's counter (the demo seed has
 * already numbered some recent days). Returns the numbers and each day's new last value.
 */
function allocateNumbers(receivedAts: readonly number[], existing: Map<string, number>): { numbers: string[]; last: Map<string, number> } {
  const last = new Map(existing);
  const numbers = receivedAts.map((at) => {
    const day = ticketDay(new Date(at));
    const sequence = (last.get(day) ?? 0) + 1;
    last.set(day, sequence);
    return formatTicketNo(day, sequence);
  });
  return { numbers, last };
}

// ─── Loading and writing ─────────────────────────────────────────────────────

async function loadOrg(db: Db): Promise<Org> {
  const units = new Map((await db.unit.findMany()).map((u) => [u.code, u]));
  const users = new Map((await db.user.findMany()).map((u) => [u.username, u.id]));
  const unit = (code: string) => {
    const found = units.get(code);
    if (!found) throw new Error(`seedHistoryTickets: unit ${code} is missing; seed the organisation first`);
    return found;
  };
  const codes = ["ZQ1", "ZQ2", "ZQ3", "ZQ4", "SG", "CGS"] as const;
  const rules = new Map(
    (await db.routingRule.findMany({ where: { active: true } })).map((r) => [`${r.categoryCode}|${r.district ?? ""}`, { id: r.id, name: r.name }]),
  );
  return {
    unitId: Object.fromEntries([...codes, "ZHZX", "ZD"].map((code) => [code, unit(code).id])) as Org["unitId"],
    unitName: Object.fromEntries(codes.map((code) => [code, unit(code).name])) as Org["unitName"],
    handler: {
      ZQ1: users.get("zq1.handler"),
      ZQ2: users.get("zq2.handler"),
      SG: users.get("sg.handler"),
      CGS: users.get("cgs.handler"),
    },
    dispatcher: users.get("dispatcher")!,
    manager: users.get("manager")!,
    rules,
  };
}

/** The file behind the Prisma client (not env() again: the caller chose the client). */
async function databaseFile(db: Db): Promise<string> {
  const list = await db.$queryRawUnsafe<{ name: string; file: string }[]>("PRAGMA database_list");
  return list.find((d) => d.name === "main")?.file || env().databasePath;
}

/**
 * Numbers and writes the tickets in one IMMEDIATE transaction, so the day counters read here are
 * the ones the inserts land on. `build(i, no)` makes ticket i's rows.
 */
function insertAll(file: string, receivedAts: readonly number[], build: (i: number, no: string) => Built): void {
  // Its own connection, closed at the end: a connection left open (like rawSqlite's) would keep
  // the writes in the WAL, and the test harness copies the template's main file only.
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    // Statement journals in memory: with a trigger on Ticket (MetricDaily) every insert opens
    // one, and as a temporary file that cost ~70 µs per ticket (measured: 1.5–2.5 s here).
    sqlite.pragma("temp_store = MEMORY");
    const insert = <C extends readonly string[]>(table: string, columns: C) => {
      const statement = sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      return (row: Row<C>) => statement.run(columns.map((c) => row[c as C[number]]));
    };
    const ticket = insert("Ticket", TICKET_COLUMNS);
    const event = insert("TicketEvent", EVENT_COLUMNS);
    const evaluation = insert("Evaluation", EVALUATION_COLUMNS);
    const returnRequest = insert("ReturnRequest", RETURN_COLUMNS);
    const sequence = sqlite.prepare(
      `INSERT INTO "TicketSequence" ("day", "last") VALUES (?, ?) ON CONFLICT ("day") DO UPDATE SET "last" = max("last", excluded."last")`,
    );
    sqlite.transaction(() => {
      const counters = sqlite.prepare(`SELECT "day", "last" FROM "TicketSequence"`).all() as { day: string; last: number }[];
      const { numbers, last } = allocateNumbers(receivedAts, new Map(counters.map((s) => [s.day, s.last])));
      // Built one by one inside the loop: holding all ~250,000 rows at once costs more in GC.
      for (let i = 0; i < receivedAts.length; i++) {
        const b = build(i, numbers[i]!);
        ticket(b.ticket);
        for (const e of b.events) event(e);
        for (const e of b.evaluations) evaluation(e);
        if (b.returnRequest) returnRequest(b.returnRequest);
      }
      for (const [day, value] of last) sequence.run(day, value);
    }).immediate();
    // Into the main file now: whoever copies it next (the test harness copies the template's
    // main file only) gets the history even if another connection keeps the WAL alive.
    sqlite.pragma("wal_checkpoint(PASSIVE)");
  } finally {
    sqlite.close();
  }
}

/**
 * Seeds the demo history (see the top of this file). Call after the organisation, the time
 * limits and the demo tickets exist; `now` fixes "yesterday" and the recent clusters.
 */
export async function seedHistoryTickets(db: Db, options: { now?: Date } = {}): Promise<void> {
  const now = (options.now ?? new Date()).getTime();
  const ctx: Ctx = {
    calendar: new DayMemoCalendar(await db.calendarDay.findMany()),
    policies: await db.timeLimitPolicy.findMany(),
    now,
  };
  const org = await loadOrg(db);
  // The demo tickets' places count too: ordinary history must not pile onto them either.
  const guard = new HotIssueGuard();
  for (const t of await db.ticket.findMany({ select: { categoryCode: true, place: true, receivedAt: true } })) {
    guard.add(t.categoryCode, t.place, t.receivedAt.getTime());
  }

  // Clusters first, so the ordinary tickets keep clear of them; then everything in receipt
  // order, which is also the order of the numbers and of the rows (rowid ≈ time, as at intake).
  const plans = [...planClusters(guard, now), ...plan2022(guard), ...planRecent(guard, now)].sort((a, b) => a.receivedAt - b.receivedAt);
  const rng = prng(20261124);
  const file = await databaseFile(db);
  insertAll(
    file,
    plans.map((p) => p.receivedAt),
    (i, no) => buildTicket(rng, plans[i]!, no, org, ctx),
  );
}
