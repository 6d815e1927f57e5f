import { requestAs } from "./actors";

/** A valid intake for 东城区 (routed to ZQ1), as the REST API takes it. */
export const SAMPLE_TICKET = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "信号灯配时不合理",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长。",
  district: "东城区",
  phone: "13912345678",
} as const;

/** A POST /api/v1/tickets request of the demo user (API token), ready for the route handler. */
export function ticketPostAs(username: string, body: object = SAMPLE_TICKET): Promise<Request> {
  return requestAs(username, "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}
