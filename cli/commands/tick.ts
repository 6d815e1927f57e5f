import { recordOverdue } from "@/lib/dal/overdue";

/**
 * tick: one round of the deadline scheduler, for cron when the server runs with SCHEDULER=0
 * (or beside it: both write each OVERDUE event once). Prints {"tickets":n,"events":n}.
 */
export async function tickCommand(args: string[]): Promise<void> {
  if (args.length) throw new Error("用法: npm run cli -- tick（不带参数）");
  const result = await recordOverdue();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
