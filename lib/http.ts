import "server-only";
import { NextResponse } from "next/server";
import { AppError, Invalid, Unavailable } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { storageUnavailable } from "@/lib/storage/health";

/** Maps typed errors to JSON responses once, for every route handler. */
export function errorResponse(thrown: unknown): NextResponse {
  // A database that cannot take the write just now (locked, full, read-only) is a 503, not a bug.
  const error = storageUnavailable(thrown) ?? thrown;
  if (error instanceof Invalid) {
    return NextResponse.json({ error: error.message, errors: error.errors }, { status: 400 });
  }
  if (error instanceof Unavailable) {
    return NextResponse.json({ error: error.message }, { status: 503, headers: { "Retry-After": String(error.retryAfterSeconds) } });
  }
  if (error instanceof AppError) {
    return NextResponse.json({ error: error.message }, { status: error.status });
  }
  logger.error({ err: error }, "unexpected error in route handler");
  return NextResponse.json({ error: "服务器内部错误，请稍后再试" }, { status: 500 });
}

/** Wraps a route handler body so that any thrown error becomes the right HTTP answer. */
export function route<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
