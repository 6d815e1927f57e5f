import { expireEvaluations } from "@/lib/dal/evaluations";
import { recordOverdue } from "@/lib/dal/overdue";

/**
 * tick: one round of the deadline scheduler and of the evaluation expiry (未评价), for cron when
 * the server runs with SCHEDULER=0 (or beside it: both write each event once). Prints
 * {"tickets":n,"events":n,"evaluationsExpired":n}.
 */
export async function tickCommand(args: string[]): Promise<void> {
  if (args.length) throw new Error("用法: npm run cli -- tick（不带参数）");
  const result = await recordOverdue();
  const expired = await expireEvaluations();
  process.stdout.write(`${JSON.stringify({ ...result, evaluationsExpired: expired.closed })}\n`);
}
