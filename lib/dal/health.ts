import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

export async function databaseIsReachable(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch (err) {
    logger.error({ err }, "health check: database unreachable");
    return false;
  }
}
