// 答复模板: the usual shape of a reply per category, for the handler to adapt. The text in
// brackets is what the handler must fill in; a reply is never sent as a bare template.
import type { CategoryCode } from "./labels";

export type ReplyTemplate = { name: string; text: string };

export const REPLY_TEMPLATES: Record<CategoryCode, ReplyTemplate[]> = {
  TRAFFIC_ORG: [
    { name: "已调整设施", text: "您好，您反映的【地点】【问题】，我大队已于【日期】现场核实，并已【调整信号配时/重新施划标线/增设标志】。感谢您对交通管理工作的支持。" },
    { name: "纳入计划", text: "您好，经现场勘查，您反映的【地点】【问题】已纳入【年度/季度】交通组织优化计划，预计【时间】前完成。如有疑问请拨打【电话】。" },
  ],
  CONGESTION: [
    { name: "增派警力", text: "您好，针对【地点】【时段】拥堵问题，我大队已自【日期】起在该时段增派警力现场疏导，并将持续关注通行情况。" },
  ],
  ENFORCEMENT: [
    { name: "已查处", text: "您好，您反映的【地点】违法停车问题，我大队已于【日期】开展专项整治，查处违法车辆【数量】辆，并将加强日常巡查。" },
    { name: "作风问题", text: "您好，您反映的民警执法问题，我大队已调查核实：【核实情况】。对存在的问题已【处理措施】，感谢您的监督。" },
  ],
  ACCIDENT: [
    { name: "进度说明", text: "您好，您的事故（【事故编号】）目前处于【阶段】，预计【日期】前出具【认定书/结论】，届时承办民警将电话通知您。" },
  ],
  SERVICE: [
    { name: "业务指引", text: "您好，您咨询的【业务】可通过交管 12123 App【办理路径】办理，所需材料为【材料】。如仍有问题，可携带材料到车管所【窗口】办理。" },
  ],
  NON_POLICE: [
    { name: "协调外部门", text: "您好，您反映的【问题】属于【部门】职责，我大队已于【日期】与其协调，对方答复：【部门答复】。我们将持续跟踪办理情况。" },
  ],
};

export function replyTemplatesFor(category: string): ReplyTemplate[] {
  return (REPLY_TEMPLATES as Record<string, ReplyTemplate[] | undefined>)[category] ?? [];
}

/** A reply still holding a 【…】 placeholder has not been adapted to the case. */
export function hasUnfilledPlaceholder(text: string): boolean {
  return /【[^】]*】/.test(text);
}
