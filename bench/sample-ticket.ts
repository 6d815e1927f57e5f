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

/**
 * Every benchmark posts the sample's one phone thousands of times: without this the daily cap
 * per phone (SMS_DAILY_CAP_PER_PHONE) would hold all but ten of its notices back, and the outbox
 * would not do the work a site's outbox does.
 */
export const BENCH_SERVER_ENV = { SMS_DAILY_CAP_PER_PHONE: "1000000" };
