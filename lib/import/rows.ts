// Validates a 12345 承办单 batch (DOMAIN.md §7 "Import format") row by row and maps it to codes.
// The import is all-or-nothing, so every error of every row is collected: one run tells the
// clerk everything to fix. Pure: units are only carried as text and resolved by the writer.
import {
  CATEGORY_LABELS,
  SATISFACTION_LABELS,
  TYPE_LABELS,
  type CategoryCode,
  type Channel,
  type TicketType,
} from "../domain/labels";
import { parseLocalDateTime } from "../domain/local-time";
import { MAINLAND_MOBILE } from "../domain/phone";
import { MAX_CONTENT_CHARS, normaliseLineEnds } from "../domain/ticket-text";
import { normaliseMobile } from "../domain/contact";
import type { ImportFile, ImportFileRow } from "./read";

export const IMPORT_COLUMNS = [
  "工单编号", "来源渠道", "受理时间", "诉求类型", "诉求分类", "诉求内容", "诉求地点", "联系人",
  "联系电话", "承办单位", "签收时间", "首次联系时间", "答复时间", "办结时间", "是否解决", "满意度",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * 来源渠道 → Channel. "12345" is a transfer from the city hotline; "来电" is a call made to the
 * traffic police directly, which the dispatchers take on the 12123 voice line, hence PHONE_12123;
 * "其他" has no channel of its own, and IMPORT (批量导入) is the honest "origin not recorded".
 */
export const IMPORT_CHANNELS: ReadonlyMap<string, Channel> = new Map([
  // A Map, not an object: "12345" and "12123" as object keys would be reordered numerically.
  ["12345", "HOTLINE_12345"],
  ["12123", "PHONE_12123"],
  ["网站", "WEB"],
  ["微信", "WECHAT"],
  ["来电", "PHONE_12123"],
  ["其他", "IMPORT"],
]);

export type Satisfaction = keyof typeof SATISFACTION_LABELS;

export interface ImportRow {
  line: number;
  /** 工单编号: the upstream id, key of idempotent re-import. */
  externalId: string;
  channel: Channel;
  receivedAt: Date;
  type: TicketType;
  category: CategoryCode;
  content: string;
  /** Derived from the content; the 12345 format has no title. */
  title: string;
  place: string | null;
  name: string | null;
  /** null: anonymous (匿名). */
  phone: string | null;
  /** 承办单位 as written (unit code or full name); null → routed by the rules. */
  unitText: string | null;
  signedAt: Date | null;
  firstContactAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
}

export interface ImportError {
  line: number;
  /** A header name, or "(整行)" for a problem with the whole row. */
  column: string;
  reason: string;
}

export type ImportResult = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportError[] };

const TITLE_LENGTH = 20;
const TIME_HINT = "应为 YYYY-MM-DD HH:mm 或 YYYY-MM-DD HH:mm:ss，例如 2025-03-02 08:30";
/** The lifecycle's clocks in the order they must run (受理 ≤ 签收 ≤ 首次联系 ≤ 答复 ≤ 办结). */
const STAGES = ["受理时间", "签收时间", "首次联系时间", "答复时间", "办结时间"] as const;

const reverse = <C extends string>(labels: Record<C, string>) =>
  new Map(Object.entries(labels).map(([code, label]) => [label as string, code as C]));
const TYPES = reverse(TYPE_LABELS);
const CATEGORIES = reverse(CATEGORY_LABELS);
const SATISFACTIONS = reverse(SATISFACTION_LABELS);
const list = (names: Iterable<string>) => [...names].join("、");

export function titleFromContent(content: string): string {
  const chars = Array.from(content.replace(/\s+/g, " ").trim());
  if (chars.length <= TITLE_LENGTH) return chars.join("");
  return `${chars.slice(0, TITLE_LENGTH).join("").trimEnd()}…`;
}

export function validateImport(file: ImportFile): ImportResult {
  const errors = checkHeader(file.header);
  if (file.rows.length === 0) {
    errors.push({ line: 1, column: "(整行)", reason: "表头下面没有工单数据，请检查是否选错了文件" });
  }
  const present = new Set(file.header);
  const firstLineOf = new Map<string, number>();
  const rows: ImportRow[] = [];
  for (const raw of file.rows) {
    const row = validateRow(raw, present, firstLineOf, errors);
    if (row) rows.push(row);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function checkHeader(header: string[]): ImportError[] {
  const errors: ImportError[] = [];
  const template = `导入模板的表头为：${IMPORT_COLUMNS.join(",")}`;
  for (const column of IMPORT_COLUMNS) {
    if (!header.includes(column)) errors.push({ line: 1, column, reason: `表头缺少“${column}”列。${template}` });
  }
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === "") {
      errors.push({ line: 1, column: `第 ${i + 1} 列`, reason: "列名为空，请填写列名或删除该列" });
    } else if (seen.has(name)) {
      errors.push({ line: 1, column: name, reason: `表头中“${name}”出现了不止一次，请删除重复的列` });
    } else if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ line: 1, column: name, reason: `“${name}”不是导入模板中的列，请删除该列或改为模板列名。${template}` });
    }
    seen.add(name);
  });
  return errors;
}

function validateRow(
  raw: ImportFileRow,
  present: Set<string>,
  firstLineOf: Map<string, number>,
  errors: ImportError[],
): ImportRow | null {
  const before = errors.length;
  const fail = (column: string, reason: string) => errors.push({ line: raw.line, column, reason });
  for (const problem of raw.problems ?? []) fail("(整行)", problem);
  // A column missing from the header was reported once at line 1; skipping it here keeps the
  // other columns' errors visible without repeating "请填写…" on every row.
  const skip = (column: ImportColumn) => !present.has(column);
  const text = (column: ImportColumn) => (raw.cells[column] ?? "").trim();
  const required = (column: ImportColumn, what: string) => {
    const value = text(column);
    if (value === "" && !skip(column)) fail(column, `请填写${what}`);
    return value;
  };
  const maxLength = (column: ImportColumn, max: number) => {
    const value = text(column);
    if (value.length > max) fail(column, `${column}不超过 ${max} 个字（现有 ${value.length} 个字），请精简`);
    return value === "" ? null : value;
  };
  const coded = <C>(column: ImportColumn, map: ReadonlyMap<string, C>, what: string): C | null => {
    const value = required(column, what);
    if (value === "") return null;
    const code = map.get(value);
    if (code === undefined) fail(column, `无法识别${column}“${value}”，应为 ${list(map.keys())} 之一`);
    return code ?? null;
  };

  const externalId = required("工单编号", "工单编号（12345 系统中的工单号）");
  if (externalId.length > 40) fail("工单编号", `工单编号不超过 40 个字符（现有 ${externalId.length} 个），请核对`);
  if (externalId !== "") {
    const first = firstLineOf.get(externalId);
    if (first !== undefined) {
      fail("工单编号", `工单编号“${externalId}”与第 ${first} 行重复，同一工单只能出现一次，请删除重复的行`);
    } else {
      firstLineOf.set(externalId, raw.line);
    }
  }

  const channel = coded("来源渠道", IMPORT_CHANNELS, "来源渠道");
  const type = coded("诉求类型", TYPES, "诉求类型");
  const category = coded("诉求分类", CATEGORIES, "诉求分类");

  // No 10-character minimum here, unlike the intake form (ticket-input.ts): these are records
  // 12345 already accepted, and the sample batch itself has 7-character complaints.
  const content = normaliseLineEnds(required("诉求内容", "诉求内容"));
  if (content.length > MAX_CONTENT_CHARS) fail("诉求内容", `诉求内容不超过 ${MAX_CONTENT_CHARS} 个字（现有 ${content.length} 个字），请精简`);
  const place = maxLength("诉求地点", 100);
  const name = maxLength("联系人", 20);
  const unitText = maxLength("承办单位", 50);

  // Excel users write numbers as 138 0000 0000, 138-0000-0000 or +86 138…; the digits are what count.
  const phoneText = normaliseMobile(text("联系电话"));
  const phone = phoneText === "" ? null : phoneText;
  if (phone !== null && !MAINLAND_MOBILE.test(phone)) {
    fail("联系电话", `联系电话“${text("联系电话")}”不是 11 位大陆手机号（例如 13800000000）；没有手机号的匿名诉求请留空`);
  }

  const times = new Map<(typeof STAGES)[number], Date | null>();
  let previous: { column: string; value: string; at: Date } | null = null;
  for (const column of STAGES) {
    const value = column === "受理时间" ? required(column, "受理时间") : text(column);
    if (value === "") {
      times.set(column, null);
      continue;
    }
    const at = parseLocalDateTime(value);
    if (!at) {
      fail(column, `${column}“${value}”不是有效的时间，${TIME_HINT}`);
      continue;
    }
    times.set(column, at);
    if (previous && at < previous.at) {
      fail(column, `${column}（${value}）早于${previous.column}（${previous.value}），请核对：各环节时间应依次为 ${STAGES.join(" ≤ ")}`);
    }
    previous = { column, value, at };
  }

  const resolvedText = text("是否解决");
  const satisfactionText = text("满意度");
  const resolved = resolvedText === "是" ? true : resolvedText === "否" ? false : null;
  if (resolvedText !== "" && resolved === null) fail("是否解决", `是否解决“${resolvedText}”无法识别，应为 是、否 或留空`);
  const satisfaction = satisfactionText === "" ? null : (SATISFACTIONS.get(satisfactionText) ?? null);
  if (satisfactionText !== "" && satisfaction === null) {
    fail("满意度", `满意度“${satisfactionText}”无法识别，应为 ${list(SATISFACTIONS.keys())} 或留空`);
  }
  const closed = text("办结时间") !== "" || skip("办结时间");
  const notClosed = "只有已办结（填写了办结时间）的工单才有回访结果，请删除该值或补填办结时间";
  if (!closed && resolvedText !== "") fail("是否解决", notClosed);
  if (!closed && satisfactionText !== "") fail("满意度", notClosed);
  // An answered 回访 has both answers (DOMAIN.md §5); 未评价 means neither was given.
  const answered = satisfaction !== null && satisfaction !== "NONE";
  const bothAnswers = !skip("是否解决") && !skip("满意度");
  if (bothAnswers && closed && resolved !== null && (satisfactionText === "" || satisfaction === "NONE")) {
    fail("满意度", "填写了是否解决时，满意度应为 满意、基本满意 或 不满意（未评价的工单请清空是否解决）");
  }
  if (bothAnswers && closed && answered && resolvedText === "") fail("是否解决", "已回访（满意度已填写）的工单请同时填写是否解决：是 或 否");
  if (phone === null && !skip("联系电话") && (answered || resolved !== null)) {
    fail("联系电话", "匿名工单（未填联系电话）无法回访评价，请补填联系电话，或清空是否解决并把满意度改为未评价");
  }

  const receivedAt = times.get("受理时间");
  if (errors.length > before || !channel || !type || !category || !receivedAt) return null;
  return {
    line: raw.line,
    externalId,
    channel,
    receivedAt,
    type,
    category,
    content,
    title: titleFromContent(content),
    place,
    name,
    phone,
    unitText,
    signedAt: times.get("签收时间") ?? null,
    firstContactAt: times.get("首次联系时间") ?? null,
    repliedAt: times.get("答复时间") ?? null,
    closedAt: times.get("办结时间") ?? null,
    resolved,
    satisfaction,
  };
}
