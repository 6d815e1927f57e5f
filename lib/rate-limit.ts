import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { TooManyRequests } from "@/lib/errors";

// In-process limits: the app runs as one server process next to its SQLite file.
const limiters = {
  submitPerIp: new RateLimiterMemory({ keyPrefix: "submit-ip", points: env().SUBMIT_LIMIT_PER_IP_HOUR, duration: 3600 }),
  submitPerPhone: new RateLimiterMemory({ keyPrefix: "submit-phone", points: env().SUBMIT_LIMIT_PER_PHONE_DAY, duration: 86_400 }),
  registerPerIp: new RateLimiterMemory({ keyPrefix: "register-ip", points: 10, duration: 3600 }),
  trackPerIp: new RateLimiterMemory({ keyPrefix: "track-ip", points: env().TRACK_LIMIT_PER_IP_HOUR, duration: 3600 }),
};

function minutesOf(res: unknown): number {
  return res instanceof RateLimiterRes ? Math.max(1, Math.ceil(res.msBeforeNext / 60_000)) : 60;
}

async function consume(limiter: RateLimiterMemory, key: string, message: (minutes: number) => string) {
  try {
    await limiter.consume(key);
  } catch (res) {
    throw new TooManyRequests(message(minutesOf(res)));
  }
}

export function limitSubmissionByIp(ip: string) {
  return consume(limiters.submitPerIp, ip, (m) => `提交过于频繁，请 ${m} 分钟后再试。如情况紧急请拨打 122。`);
}

export function limitSubmissionByPhone(phone: string) {
  return consume(
    limiters.submitPerPhone,
    phone,
    () => `该手机号今天已提交 ${env().SUBMIT_LIMIT_PER_PHONE_DAY} 件诉求，已达上限，请明天再试或拨打 12345 热线。`,
  );
}

export function limitRegistrationByIp(ip: string) {
  return consume(limiters.registerPerIp, ip, (m) => `注册过于频繁，请 ${m} 分钟后再试。`);
}

export function limitTrackingByIp(ip: string) {
  return consume(limiters.trackPerIp, ip, (m) => `查询过于频繁，请 ${m} 分钟后再试。`);
}

/** The client address as the reverse proxy reports it; "local" without a proxy. */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}
