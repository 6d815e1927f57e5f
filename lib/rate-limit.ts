import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { SharedLimiter } from "@/lib/counters/limiter";
import { limitKeyOf } from "@/lib/domain/client-address";
import { env } from "@/lib/env";
import { TooManyRequests } from "@/lib/errors";

// Counted in the database (lib/counters/limiter.ts): every app node counts together, and a
// restart forgets nothing.
const limiters = {
  submitPerIp: new SharedLimiter(() => ({ keyPrefix: "submit-ip", points: env().SUBMIT_LIMIT_PER_IP_HOUR, duration: 3600 })),
  submitPerPhone: new SharedLimiter(() => ({ keyPrefix: "submit-phone", points: env().SUBMIT_LIMIT_PER_PHONE_DAY, duration: 86_400 })),
  registerPerIp: new SharedLimiter(() => ({ keyPrefix: "register-ip", points: 10, duration: 3600 })),
  submitAnonymousPerIp: new SharedLimiter(() => ({ keyPrefix: "submit-anon-ip", points: env().SUBMIT_ANONYMOUS_LIMIT_PER_IP_HOUR, duration: 3600 })),
  // The citizen form asks for a category hint as the description is typed: a pause, not a keystroke.
  categoryHintPerIp: new SharedLimiter(() => ({ keyPrefix: "category-hint-ip", points: 120, duration: 3600 })),
  followUpPerIp: new SharedLimiter(() => ({ keyPrefix: "follow-up-ip", points: 20, duration: 3600 })),
  trackPerIp: new SharedLimiter(() => ({ keyPrefix: "track-ip", points: env().TRACK_LIMIT_PER_IP_HOUR, duration: 3600 })),
  trackFailedPerPhone: new SharedLimiter(() => ({ keyPrefix: "track-fail-phone", points: env().TRACK_FAILED_LIMIT_PER_PHONE_HOUR, duration: 3600 })),
  trackFailedPerIp: new SharedLimiter(() => ({ keyPrefix: "track-fail-ip", points: env().TRACK_FAILED_LIMIT_PER_IP_HOUR, duration: 3600 })),
};

async function consume(limiter: SharedLimiter, key: string, message: (minutes: number) => string) {
  try {
    await limiter.consume(key);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    throw new TooManyRequests(message(Math.max(1, Math.ceil(res.msBeforeNext / 60_000))));
  }
}

export function limitSubmissionByIp(ip: string) {
  return consume(limiters.submitPerIp, limitKeyOf(ip), (m) => `提交过于频繁，请 ${m} 分钟后再试。如情况紧急请拨打 122。`);
}

export function limitSubmissionByPhone(phone: string) {
  return consume(
    limiters.submitPerPhone,
    phone,
    () => `该手机号今天已提交 ${env().SUBMIT_LIMIT_PER_PHONE_DAY} 件诉求，已达上限，请明天再试或拨打 12345 热线。`,
  );
}

/** An anonymous submission has no phone to count, so its address gets a lower cap of its own. */
export function limitAnonymousSubmissionByIp(ip: string) {
  return consume(
    limiters.submitAnonymousPerIp,
    limitKeyOf(ip),
    (m) => `匿名诉求每小时最多提交 ${env().SUBMIT_ANONYMOUS_LIMIT_PER_IP_HOUR} 件，请 ${m} 分钟后再试，或填写手机号提交。如情况紧急请拨打 122。`,
  );
}

export function limitRegistrationByIp(ip: string) {
  return consume(limiters.registerPerIp, limitKeyOf(ip), (m) => `注册过于频繁，请 ${m} 分钟后再试。`);
}

/** 催办 and 补充 from one address: a citizen needs a few an hour, a script hammering units many. */
export function limitFollowUpByIp(ip: string) {
  return consume(limiters.followUpPerIp, limitKeyOf(ip), (m) => `操作过于频繁，请 ${m} 分钟后再试。`);
}

/** 分类提示 on the public form: cheap to answer, but a script must not use it as a free classifier. */
export function limitCategoryHintByIp(ip: string) {
  return consume(limiters.categoryHintPerIp, limitKeyOf(ip), (m) => `操作过于频繁，请 ${m} 分钟后再试。`);
}

export function limitTrackingByIp(ip: string) {
  return consume(limiters.trackPerIp, limitKeyOf(ip), (m) => `查询过于频繁，请 ${m} 分钟后再试。`);
}

/**
 * Guards one tracking look-up against guessing: FAILED look-ups are limited per phone number
 * (a known phone cannot be paired with guessed ticket numbers from many addresses) and per
 * address. A point is taken from both before the look-up, so concurrent guesses cannot overrun
 * the budget, and given back by `succeeded()`: a citizen who finds their ticket is not counted.
 */
export async function startTrackingLookup(phone: string, ip: string): Promise<{ succeeded: () => Promise<void> }> {
  const address = limitKeyOf(ip);
  await consume(limiters.trackFailedPerIp, address, (m) => `查询失败次数过多，请 ${m} 分钟后再试。`);
  try {
    await consume(
      limiters.trackFailedPerPhone,
      phone,
      (m) => `该手机号的查询失败次数过多，请 ${m} 分钟后再试，或拨打 12345 热线查询。`,
    );
  } catch (error) {
    await limiters.trackFailedPerIp.reward(address, 1);
    throw error;
  }
  return {
    succeeded: async () => {
      await Promise.all([limiters.trackFailedPerIp.reward(address, 1), limiters.trackFailedPerPhone.reward(phone, 1)]);
    },
  };
}

/**
 * The client's address. The server (scripts/serve.mjs) overwrites x-forwarded-for on every
 * request with the one address it derived from the socket and TRUSTED_PROXY_HOPS
 * (lib/domain/client-address.js), so this header is trustworthy here; "local" outside it.
 */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
}
