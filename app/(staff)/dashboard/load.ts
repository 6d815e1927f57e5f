import "server-only";
import { forbidden } from "next/navigation";
import { Forbidden, Invalid } from "@/lib/errors";

/**
 * Runs a page's DAL read: a refusal becomes the 403 page, a bad parameter (an unknown unit code)
 * the messages to show; anything else is unexpected and propagates.
 */
export async function readOrExplain<T>(read: () => Promise<T>): Promise<{ data: T; errors?: undefined } | { data?: undefined; errors: string[] }> {
  try {
    return { data: await read() };
  } catch (error) {
    if (error instanceof Forbidden) forbidden();
    if (error instanceof Invalid) return { errors: error.errors.map((e) => e.message) };
    throw error;
  }
}
