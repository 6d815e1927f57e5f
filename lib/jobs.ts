import "server-only";
import { runCliCommand } from "@/lib/cli-process";
import { nightlyTrainingDue, type TrainingReport } from "@/lib/dal/classifier/training";
import { expireEvaluations } from "@/lib/dal/evaluations";
import { deliverPendingNotifications } from "@/lib/dal/outbox";
import { recordOverdue } from "@/lib/dal/overdue";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { notificationSender } from "@/lib/notify";
import { advisoryLockLeadership, singleProcessLeadership, type Leadership } from "@/lib/scheduler/leadership";
import { installScheduler, startScheduler, type ScheduledJob, type Scheduler } from "@/lib/scheduler/scheduler";

const OUTBOX_INTERVAL_MS = 5_000;
const EVALUATION_EXPIRY_INTERVAL_MS = 60_000;
const CLASSIFIER_CHECK_INTERVAL_MS = 10 * 60_000;

/**
 * Background work inside the server process (started from instrumentation.ts): the outbox on
 * every node, the scheduler's jobs on the one node that leads. Both stop on SIGTERM, before the
 * server has drained its requests.
 */
export function startBackgroundJobs(): void {
  const stopOutbox = startOutbox();
  const scheduler = env().SCHEDULER === "1" ? startSiteScheduler() : null;
  installScheduler(scheduler);
  stopOnShutdown(async () => {
    stopOutbox();
    await scheduler?.stop();
  });
}

/**
 * On every node, not only the leader: each notice is claimed by one node (FOR UPDATE SKIP LOCKED,
 * lib/dal/outbox.ts) and sent once, so more nodes only share the sending — and notices keep going
 * out while leadership changes hands, and with SCHEDULER=0.
 */
function startOutbox(): () => void {
  const sender = notificationSender();
  let running = false;
  const timer = setInterval(async () => {
    if (running) return; // never overlap a slow round
    running = true;
    try {
      await deliverPendingNotifications(sender);
    } catch (err) {
      logger.error({ err }, "outbox delivery failed");
    } finally {
      running = false;
    }
  }, OUTBOX_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The work one node does for the site. Each job is idempotent by itself (a cron `tick` beside the
 * server, or two leaders for a moment, write nothing twice); the leader only saves the double work.
 */
export function scheduledJobs(intervalMs: number): ScheduledJob[] {
  return [
    {
      // 超期: the markers on the ticket, not this process, remember what is recorded.
      name: "overdue",
      everyMs: intervalMs,
      run: async () => {
        const recorded = await recordOverdue();
        if (recorded.events) logger.info(recorded, "overdue deadlines recorded");
      },
    },
    {
      // 未评价: a ticket is only picked while it is still REPLIED, so none is closed twice. At
      // most once a minute, in the scheduler's rounds.
      name: "evaluation-expiry",
      everyMs: EVALUATION_EXPIRY_INTERVAL_MS,
      run: async () => {
        const expired = await expireEvaluations();
        if (expired.closed) logger.info(expired, "evaluation windows expired");
      },
    },
    ...(env().NIGHTLY_TRAINING === "1" ? [nightlyTraining] : []),
  ];
}

// 夜间自动训练 (#14): asked every 10 minutes, due once a night (the database remembers), run in a
// child process so this node keeps serving.
const nightlyTraining: ScheduledJob = {
  name: "classifier-training",
  everyMs: CLASSIFIER_CHECK_INTERVAL_MS,
  run: async () => {
    if (!(await nightlyTrainingDue(new Date()))) return;
    const report = JSON.parse(await runCliCommand(["train", "--trigger", "SCHEDULE"])) as TrainingReport;
    logger.info({ version: report.version, top1: report.evaluation.top1, activated: report.activated }, "nightly classifier training");
  },
};

/** PostgreSQL: the node holding the advisory lock leads. SQLite: the one process always does. */
export function siteLeadership(intervalMs: number): Leadership {
  const { databaseEngine, databaseUrl } = env();
  return databaseEngine === "postgresql" ? advisoryLockLeadership(databaseUrl, { heartbeatMs: intervalMs }) : singleProcessLeadership();
}

function startSiteScheduler(): Scheduler {
  const intervalMs = env().SCHEDULER_INTERVAL_SECONDS * 1000;
  return startScheduler({ jobs: scheduledJobs(intervalMs), leadership: siteLeadership(intervalMs), intervalMs });
}

/**
 * The server (scripts/serve.mjs) drains its requests on SIGTERM and SIGINT, then exits: the
 * background work stops first, and the lock is given up at once, so another node leads at its
 * next round rather than when this one has finished draining.
 */
function stopOnShutdown(stop: () => Promise<void>): void {
  const onSignal = (signal: NodeJS.Signals) => {
    // A listener suppresses the signal's default: where nobody else listens (neither serve.mjs
    // nor next), the process must still end, once the lock is given up.
    const alone = process.listenerCount(signal) === 1;
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    const stopped = stop().catch((err: unknown) => logger.error({ err }, "stopping the background jobs failed"));
    // scripts/serve.mjs waits for this before it exits, so the lock is given up explicitly (and logged).
    (globalThis as { jsjbBackgroundJobsStopped?: Promise<void> }).jsjbBackgroundJobsStopped = stopped;
    void stopped.finally(() => {
      if (alone) process.kill(process.pid, signal);
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
