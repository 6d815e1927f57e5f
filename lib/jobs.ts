import "server-only";
import { expireEvaluations } from "@/lib/dal/evaluations";
import { deliverPendingNotifications } from "@/lib/dal/outbox";
import { recordOverdue } from "@/lib/dal/overdue";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { LoggingSender } from "@/lib/notify/sender";

const OUTBOX_INTERVAL_MS = 5_000;
const EVALUATION_EXPIRY_INTERVAL_MS = 60_000;

/** Background work inside the server process (started from instrumentation.ts). */
export function startBackgroundJobs(): void {
  const sender = new LoggingSender();
  let running = false;
  setInterval(async () => {
    if (running) return; // never overlap a slow round
    running = true;
    try {
      await deliverPendingNotifications(sender);
    } catch (err) {
      logger.error({ err }, "outbox delivery failed");
    } finally {
      running = false;
    }
  }, OUTBOX_INTERVAL_MS).unref();

  startDeadlineScheduler();
  startEvaluationExpiry();
}

/**
 * 超期 scheduler. The first round runs at start-up, so deadlines crossed while the server was
 * down are recorded at once; the markers on the ticket, not this process, remember what is
 * done, so restarts and a cron `tick` beside it never write an event twice.
 */
function startDeadlineScheduler(): void {
  const { SCHEDULER, SCHEDULER_INTERVAL_SECONDS } = env();
  if (SCHEDULER !== "1") return;
  let running = false;
  const round = async () => {
    if (running) return; // never overlap a slow round (a long catch-up)
    running = true;
    try {
      const recorded = await recordOverdue();
      if (recorded.events) logger.info(recorded, "overdue deadlines recorded");
    } catch (err) {
      logger.error({ err }, "overdue scan failed");
    } finally {
      running = false;
    }
  };
  void round();
  setInterval(round, SCHEDULER_INTERVAL_SECONDS * 1000).unref();
}

/**
 * 未评价: closes replied tickets whose evaluation window ran out. Runs at start-up too, so
 * windows that ended while the server was down close at once; a ticket is only picked while it
 * is still REPLIED, so a `tick` beside it never closes one twice.
 */
function startEvaluationExpiry(): void {
  if (env().SCHEDULER !== "1") return;
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      const expired = await expireEvaluations();
      if (expired.closed) logger.info(expired, "evaluation windows expired");
    } catch (err) {
      logger.error({ err }, "evaluation expiry failed");
    } finally {
      running = false;
    }
  };
  void round();
  setInterval(round, EVALUATION_EXPIRY_INTERVAL_MS).unref();
}
