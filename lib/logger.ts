// Structured logs: pino, one JSON line per entry on stderr (stdout belongs to the CLI's results).
// Every entry passes through one redaction rule (lib/domain/redact.ts): no full phone number and
// no one-time link token reaches the log. Plain pino() with a synchronous stream — no transports,
// whose worker threads do not survive Next's server bundle.
import pino from "pino";
import { redactForLog, redactText } from "@/lib/domain/redact";

const base = pino(
  {
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Errors arrive already serialized and redacted (redactForLog); pino's own would re-wrap them.
    serializers: { err: (err: unknown) => err },
  },
  // Through process.stderr (not a file descriptor of its own), so lines keep their order with
  // everything else the process prints.
  { write: (line: string) => void process.stderr.write(line) },
);

type Context = Record<string, unknown>;

function entry(level: "info" | "warn" | "error", context: Context, message: string): void {
  base[level](redactForLog(context) as Context, redactText(message));
}

export const logger = {
  info: (context: Context, message: string) => entry("info", context, message),
  warn: (context: Context, message: string) => entry("warn", context, message),
  error: (context: Context, message: string) => entry("error", context, message),
};
