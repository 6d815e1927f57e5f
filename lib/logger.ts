// Structured logs on stderr. Small on purpose: one JSON line per entry.
type Level = "info" | "warn" | "error";

function write(level: Level, context: Record<string, unknown>, message: string) {
  const err = context.err instanceof Error ? { message: context.err.message, stack: context.err.stack } : context.err;
  process.stderr.write(JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...context, ...(err ? { err } : {}) }) + "\n");
}

export const logger = {
  info: (context: Record<string, unknown>, message: string) => write("info", context, message),
  warn: (context: Record<string, unknown>, message: string) => write("warn", context, message),
  error: (context: Record<string, unknown>, message: string) => write("error", context, message),
};
