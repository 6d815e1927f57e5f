// The periodic jobs that one node runs for the whole site (the 超期 scan, the 未评价 expiry). Every
// round this node asks whether it leads (lib/scheduler/leadership.ts) and runs the jobs that are
// due only if it does; so when the leader goes, another node takes over within one interval.
// The jobs stay idempotent on their own (markers on the ticket, rows claimed with SKIP LOCKED):
// the leader saves the double work and makes "exactly one" observable, it is not what keeps an
// OVERDUE event or an expiry from being written twice.
import { logger } from "@/lib/logger";
import type { Leadership } from "@/lib/scheduler/leadership";

export type ScheduledJob = {
  name: string;
  /** At most this often; a job also runs at once when this node starts or becomes leader. */
  everyMs: number;
  run: () => Promise<void>;
};

/** "off": SCHEDULER=0 (cron runs `npm run cli -- tick`), or stopped for shutdown. */
export type SchedulerRole = "leader" | "standby" | "off";

export type Scheduler = {
  role(): SchedulerRole;
  /** One round: ask for leadership, then run the due jobs. The timer calls it; tests may too. */
  tick(): Promise<void>;
  /** No further rounds, and the leadership is given up at once. */
  stop(): Promise<void>;
};

export function startScheduler({ jobs, leadership, intervalMs }: { jobs: ScheduledJob[]; leadership: Leadership; intervalMs: number }): Scheduler {
  const lastRun = new Map<string, number>();
  let stopped = false;
  let round: Promise<void> | null = null;

  const runDueJobs = async () => {
    for (const job of jobs) {
      const last = lastRun.get(job.name);
      if (stopped || (last !== undefined && Date.now() - last < job.everyMs)) continue;
      lastRun.set(job.name, Date.now());
      try {
        await job.run();
      } catch (err) {
        logger.error({ err, job: job.name }, "scheduled job failed");
      }
    }
  };

  const tick = async () => {
    if (stopped) return;
    // Asked every round, also while a slow round runs: the leader's answer is its heartbeat.
    const leading = await leadership.confirm();
    if (!leading || stopped || round) return; // never overlap a slow round (a long catch-up)
    round = runDueJobs().finally(() => (round = null));
    await round;
  };

  // The first round at start-up: deadlines crossed while the site was down are recorded at once.
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();

  return {
    role: () => (stopped ? "off" : leadership.leading() ? "leader" : "standby"),
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      // A round under way is not waited for: its batches are transactions of their own, and the
      // next leader finds what it left (the jobs are idempotent).
      await leadership.release();
    },
  };
}

const globalForScheduler = globalThis as unknown as { jsjbScheduler?: Scheduler | null };

/** The server's scheduler, for /api/health (Next loads the health route apart from instrumentation). */
export function installScheduler(scheduler: Scheduler | null): void {
  globalForScheduler.jsjbScheduler = scheduler;
}

export function schedulerRole(): SchedulerRole {
  return globalForScheduler.jsjbScheduler?.role() ?? "off";
}
