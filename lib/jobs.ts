import "server-only";
import { deliverPendingNotifications } from "@/lib/dal/outbox";
import { logger } from "@/lib/logger";
import { LoggingSender } from "@/lib/notify/sender";

const OUTBOX_INTERVAL_MS = 5_000;

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
}
