// Demo history, texts: what callers report and where, and what handlers and callers say.
import type { CategoryCode, TicketType } from "@/lib/domain/labels";

/** `road` is a point on a road (often with a house number); `street` the road as a whole. */
export type PlaceKind = "cross" | "road" | "street" | "school" | "venue" | "estate";

export type Sample = {
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

export const SAMPLES: Record<CategoryCode, readonly Sample[]> = {
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
export const PLACES: Record<string, Record<Exclude<PlaceKind, "street">, readonly string[]>> = {
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

export const DISTRICT_NAMES = Object.keys(PLACES);
export const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
export const CONTACT_NOTES = [
  "电话联系群众，了解诉求详情",
  "电话联系群众，约定现场查看时间",
  "到现场与群众当面沟通，核实情况",
  "电话联系群众，告知办理进度",
];
/** The reply after a reopen (重办): the first one did not satisfy the caller. */
export const REOPEN_REPLY = "您好，针对您对首次答复提出的意见，我们于{date}再次联系您并重新核实处理，已督促整改落实，后续将持续跟踪。";
export const UNSATISFIED_COMMENTS = ["问题反复出现，没有根本解决", "处理太慢", "答复太笼统", "希望加大整治力度", null];
export const PRAISE_COMMENTS = ["处理及时，感谢", "民警态度很好", "问题已经解决了", null, null, null];

export type Text = {
  sample: Sample;
  type: TicketType;
  title: string;
  content: string;
  district: string | null;
  place: string | null;
};
