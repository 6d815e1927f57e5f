// The one place that reads process.env. Validated with zod at start-up so a bad setting fails
// the boot, not a request at 3 a.m.
import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** A per-hour (or per-day) count limit: a whole number of at least 1, with a Chinese message. */
function limitSetting(name: string, fallback: number) {
  return z.coerce
    .number({ error: `${name} 应为正整数` })
    .int(`${name} 应为整数`)
    .min(1, `${name} 至少为 1`)
    .default(fallback);
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL 应为 SQLite 文件地址（例如 file:./data/app.db）或 PostgreSQL 地址（例如 postgresql://用户:密码@主机:5432/库名）")
    .optional(),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET 至少 16 个字符").optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET 至少 16 个字符").optional(),
  NEXTAUTH_URL: z.url().optional(),
  /**
   * The address citizens open links of their SMS and e-mails at (https://jsjb.example.gov.cn): the
   * site's root, no path. Defaults to NEXTAUTH_URL, then http://localhost:PORT.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "PUBLIC_URL 应为完整的 http(s) 网址，例如 https://jsjb.example.gov.cn" })
    .refine((url) => {
      const parsed = URL.parse(url); // null when the check above already failed (zod runs both)
      return !parsed || (parsed.pathname === "/" && !parsed.search && !parsed.hash);
    }, "PUBLIC_URL 只写站点地址（协议和域名，可带端口），不要带路径、查询参数或 #")
    .optional(),
  /** 0 = seed the organisation, rules, calendar and users but no demo tickets. */
  DEMO_DATA: z.enum(["0", "1"]).default("1"),
  /** Public submissions allowed per client IP per hour, and per phone number per day. */
  SUBMIT_LIMIT_PER_IP_HOUR: z.coerce.number().int().min(1).default(20),
  SUBMIT_LIMIT_PER_PHONE_DAY: z.coerce.number().int().min(1).default(5),
  /** Anonymous submissions (no phone to limit) per client IP per hour; lower than the general cap. */
  SUBMIT_ANONYMOUS_LIMIT_PER_IP_HOUR: limitSetting("SUBMIT_ANONYMOUS_LIMIT_PER_IP_HOUR", 5),
  /** Look-ups of the public tracking page per client IP per hour (stops number guessing). */
  TRACK_LIMIT_PER_IP_HOUR: z.coerce.number().int().min(1).default(60),
  /** FAILED tracking look-ups (wrong number or phone) per phone number, and per client IP, per hour. */
  TRACK_FAILED_LIMIT_PER_PHONE_HOUR: limitSetting("TRACK_FAILED_LIMIT_PER_PHONE_HOUR", 10),
  TRACK_FAILED_LIMIT_PER_IP_HOUR: limitSetting("TRACK_FAILED_LIMIT_PER_IP_HOUR", 30),
  /**
   * Reverse proxies in front of the server whose X-Forwarded-For entries are trusted. 0 (no
   * proxy): the client is the socket's address and the header is ignored, so it cannot be forged.
   */
  TRUSTED_PROXY_HOPS: z.coerce
    .number({ error: "TRUSTED_PROXY_HOPS 应为 0 或正整数（可信反向代理的层数）" })
    .int("TRUSTED_PROXY_HOPS 应为整数（可信反向代理的层数）")
    .min(0, "TRUSTED_PROXY_HOPS 不能为负数")
    .max(10, "TRUSTED_PROXY_HOPS 最多为 10")
    .default(0),
  /** The SMTP relay for e-mail notices (smtp://user:pass@host:587 or smtps://…:465); unset = e-mails are only logged. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL 应为 smtp://用户:密码@主机:587 或 smtps://用户:密码@主机:465")
    .optional(),
  /** The sender of e-mail notices, e.g. 示例市公安交管 <noreply@jsjb.example.gov.cn>. */
  MAIL_FROM: z.string().min(3, "MAIL_FROM 应为发件地址，例如 示例市公安交管 <noreply@jsjb.example.gov.cn>").default("示例市公安交管 <noreply@localhost>"),
  /** The SMS gateway (SMPP 3.4 SMSC): smpp://system_id:password@host:2775, or ssmpp:// for TLS; unset = SMS are only logged. */
  SMPP_URL: z
    .string()
    .regex(/^s?smpp:\/\/[^\s]+$/, "SMPP_URL 应为 smpp://账号:密码@主机:2775（TLS 用 ssmpp://）")
    .optional(),
  /** The signature every SMS starts with, as registered with the carrier (written 【…】 in front of the text). */
  SMS_SIGNATURE: z
    .string()
    .regex(/^[^【】\[\]\s]{2,12}$/, "SMS_SIGNATURE 应为 2–12 个字的短信签名（不含【】和空格），例如 示例市公安交管")
    .default("示例市公安交管"),
  /** The sender number the carrier assigned (source_addr), e.g. 1069xxxx. */
  SMS_SOURCE_ADDR: z.string().regex(/^\d{3,21}$/, "SMS_SOURCE_ADDR 应为运营商分配的发送号码（3–21 位数字）").default("10690000"),
  /** SMS to one phone per local day; more wait for the next day. */
  SMS_DAILY_CAP_PER_PHONE: limitSetting("SMS_DAILY_CAP_PER_PHONE", 10),
  /** 1 = Open311 reads (GET requests, requests/{id}) need an api_key too; 0 = anyone reads the public view. */
  OPEN311_READS_REQUIRE_KEY: z.enum(["0", "1"], { error: "OPEN311_READS_REQUIRE_KEY 应为 0 或 1" }).default("0"),
  /** 1 = serve /api/bench/echo, the bare route the intake benchmark compares against. */
  BENCH_ROUTES: z.enum(["0", "1"]).default("0"),
  /** 1 = the server records crossed deadlines itself; 0 = leave it to cron (`npm run cli -- tick`). */
  SCHEDULER: z.enum(["0", "1"]).default("1"),
  /** How long a write waits for another writer's lock (an import) before answering 503. */
  DB_LOCK_WAIT_MS: z.coerce.number().int("DB_LOCK_WAIT_MS 应为整数毫秒").min(100, "DB_LOCK_WAIT_MS 至少为 100 毫秒").default(15_000),
  /** 1 = the scheduler retrains the classifier once a night (02:00–06:00); 0 = only `npm run cli -- train`. */
  NIGHTLY_TRAINING: z.enum(["0", "1"], { error: "NIGHTLY_TRAINING 应为 0 或 1" }).default("1"),
  /** Seconds between two deadline rounds of the server's scheduler. */
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int("SCHEDULER_INTERVAL_SECONDS 应为整数秒").min(1, "SCHEDULER_INTERVAL_SECONDS 至少为 1 秒").default(60),
});

/** The two database engines (docs/postgresql.md): SQLite is the embedded default. */
export type DatabaseEngine = "sqlite" | "postgresql";

export type Env = z.infer<typeof schema> & {
  dataDir: string;
  databaseEngine: DatabaseEngine;
  /** `file:<absolute path>` for SQLite, the URL as given for PostgreSQL. */
  databaseUrl: string;
  /** The SQLite file (also where a PostgreSQL site would keep none: only SQLite code reads it). */
  databasePath: string;
  /** PUBLIC_URL, or its default, without a trailing slash. */
  publicUrl: string;
};

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`环境变量配置有误:\n${lines.join("\n")}`);
  }
  // Paths are relative to the project folder; the comments keep the bundler from tracing it all.
  const dataDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), parsed.data.DATA_DIR ?? "data");
  const publicUrl = (parsed.data.PUBLIC_URL ?? parsed.data.NEXTAUTH_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, "");
  const url = parsed.data.DATABASE_URL;
  if (url && !url.startsWith("file:")) {
    cached = { ...parsed.data, dataDir, publicUrl, databaseEngine: "postgresql", databaseUrl: url, databasePath: path.join(dataDir, "app.db") };
    return cached;
  }
  const databasePath = url
    ? path.resolve(/* turbopackIgnore: true */ process.cwd(), url.replace(/^file:/, ""))
    : path.join(dataDir, "app.db");
  cached = { ...parsed.data, dataDir, publicUrl, databaseEngine: "sqlite", databasePath, databaseUrl: `file:${databasePath}` };
  return cached;
}

/** Owner-only modes for what holds citizens' data and secrets: the data folder, the database, the secret. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Called first by the entry points outside Next (npm start, the CLI, prepare-db): every file the
 * process and its children create is then owner-only, whoever creates it — the database, which
 * `prisma migrate deploy` creates in a child process whose open() we do not control; its -wal
 * and -shm; photos, logs and backups. One setting instead of a mode at every call site.
 */
export function restrictNewFilesToOwner(): void {
  process.umask(0o077);
}

/** Creates the data folder owner-only, and tightens one an older version left world-readable. */
export function ensurePrivateDataDir(): string {
  const { dataDir } = env();
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dataDir, PRIVATE_DIR_MODE);
  return dataDir;
}

/**
 * The session secret a real site sets (AUTH_SECRET or NEXTAUTH_SECRET); without one, the site's
 * generated secret in the database is used (lib/site-secret.ts).
 */
export function configuredAuthSecret(): string | undefined {
  const e = env();
  return e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
}
