/** The intake every benchmark posts: routed to ZQ1 (东城区), with a phone, so it queues a 受理 SMS. */
export const SAMPLE_TICKET = {
  type: "COMPLAINT",
  category: "TRAFFIC_ORG",
  title: "信号灯配时不合理",
  content: "光岳路与东昌路路口早高峰左转信号太短，排队很长，希望调整配时。",
  district: "东城区",
  place: "光岳路与东昌路交叉口",
  phone: "13912345678",
};
