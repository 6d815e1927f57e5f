// 知识库 (issue 16): the standard answers every site starts with — the questions a traffic police
// hotline hears most (年检, 换证, 违法处理, 12123 App …). Admins edit, add and retire them.
export const STARTER_KNOWLEDGE = [
  {
    title: "机动车年检需要带哪些材料？",
    categoryCode: "SERVICE",
    keywords: "年检 年审 验车 检测站 检验",
    answer: "携带机动车行驶证、有效的交强险保单，到任一机动车检测站办理，无需预约也可现场排队。6 年以内的非营运小微型客车（面包车除外）免上线检测，可在交管 12123 App 直接申领电子检验标志。",
  },
  {
    title: "驾驶证快到期了，怎么换证？",
    categoryCode: "SERVICE",
    keywords: "换证 期满 到期 驾照 驾驶证",
    answer: "驾驶证有效期满前 90 日内可申请换证：在交管 12123 App「驾驶证业务—期满换领」提交身体条件证明和照片，新证邮寄到家；也可带身份证、驾驶证到车管所或驾驶证业务办理点现场办理。",
  },
  {
    title: "交通违法怎么查询和处理？",
    categoryCode: "ENFORCEMENT",
    keywords: "违法 违章 罚款 扣分 电子警察 处理",
    answer: "在交管 12123 App「违法处理」查询，本人名下车辆的电子监控违法可在线确认、缴纳罚款；需扣分的用驾驶人本人账号处理。对违法记录有异议的，可在 App 中申请复核，或带证件到违法发生地交警大队窗口办理。",
  },
  {
    title: "交管 12123 App 无法注册或登录怎么办？",
    categoryCode: "SERVICE",
    keywords: "12123 app 注册 登录 实名 人脸 密码",
    answer: "先确认 App 为最新版本、手机号为本人实名号码；人脸认证失败可在光线充足处重试。仍无法注册的，可携带身份证到车管所或交警大队服务窗口现场注册，或拨打 12123 转人工坐席协助重置。",
  },
  {
    title: "发生轻微交通事故怎么快处快赔？",
    categoryCode: "ACCIDENT",
    keywords: "事故 快处快赔 剐蹭 追尾 理赔 拍照",
    answer: "无人员伤亡、车辆能移动的轻微事故：开启危险报警灯，在来车方向设置警告标志，从前后方和碰撞部位拍照后将车辆移至不妨碍交通的地点，通过交管 12123 App「快处快赔」在线定责，再联系保险公司理赔。有人受伤或对方逃逸的，请立即拨打 122。",
  },
  {
    title: "车辆被拖移了去哪里取？",
    categoryCode: "ENFORCEMENT",
    keywords: "拖车 拖移 停车场 取车 扣车",
    answer: "车辆因违法停车被拖移后，可在交管 12123 App 查询违法信息和停放地点，或拨打当地交警大队值班电话询问。取车时携带驾驶证、行驶证，先处理违法，再到指定停车场取车。",
  },
  {
    title: "机动车号牌丢了怎么补领？",
    categoryCode: "SERVICE",
    keywords: "号牌 车牌 丢失 补领 临时号牌",
    answer: "号牌丢失或损毁的，机动车所有人可在交管 12123 App「机动车业务—补换领号牌」申请，号牌制作完成后邮寄；也可携带身份证、行驶证到车管所办理。补领期间可申领临时行驶车号牌。",
  },
  {
    title: "如何反映路口信号灯配时不合理？",
    categoryCode: "TRAFFIC_ORG",
    keywords: "信号灯 红绿灯 配时 绿灯太短 等待",
    answer: "请说明具体路口、方向和时段，坐席将转为工单交由属地大队核查，大队会在规定时限内联系您并答复调整情况。紧急故障（信号灯全灭、倒杆）请直接拨打 122。",
  },
];
