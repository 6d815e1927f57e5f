// A whole year's holidays and 调休 working days at once (工作日历), from what the administrator
// has at hand: the State Council notice's text as published (国务院办公厅关于2026年部分节假日安排的
// 通知 — "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"), or a list
// of dates, one a line ("2026-01-01,休,元旦", "2026-01-04 班"), e.g. saved from a spreadsheet.
// Both may be mixed. Pure, so the page previews exactly what the server will save.
import type { CalendarException } from "./calendar";
import { addLocalDays, dayOfWeek, isLocalDate } from "./local-time";

export type HolidayDay = Required<CalendarException>;
export type HolidayList = { year: number; days: HolidayDay[]; problems: string[] };

/** The name a 调休 working day is saved under (as the seeded official calendar does). */
export const WORKDAY_NAME = "调休上班";

const pad = (n: number) => String(n).padStart(2, "0");
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** 「2026年部分节假日安排」: the year a notice is about. */
const NOTICE_YEAR = /(\d{4})\s*年(?:元旦|部分节假日|节假日)/;
/** 「一、元旦：」 — an item of the notice: a numeral, 、, the festival's name, a colon. */
const ITEM = /([一二三四五六七八九十]+)、([^：:\n]{1,20})[：:]/g;
/** 「1月28日至2月4日」, 「4月4日至6日」, 「2018年12月30日」, 「1月26日」. */
const DATE_OR_RANGE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\s*[至到~～—-]\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日)?/g;
/** 「2026-01-01,休,元旦」, 「2026/1/4 班」, 「2026-10-01 国庆节」. */
const LIST_LINE = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*[,，\t ]?\s*(.*)$/;
const HOLIDAY_WORDS = ["休", "放假", "假", "节假日", "法定节假日", "HOLIDAY"];
const WORKDAY_WORDS = ["班", "上班", "调休上班", "补班", "调休", "WORKDAY"];

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to && days.length <= 31; d = addLocalDays(d, 1)) days.push(d);
  return days;
}

/** The days one date or range of a notice names, in `year` unless it says otherwise. */
function datesOf(match: RegExpMatchArray, year: number): { dates: string[]; problem?: string } {
  const [text, y1, m1, d1, y2, m2, d2] = match;
  const fromYear = y1 ? Number(y1) : year;
  const from = isoDate(fromYear, Number(m1), Number(d1));
  if (!isLocalDate(from)) return { dates: [], problem: `「${text}」不是有效日期` };
  if (!d2) return { dates: [from] };
  const toMonth = m2 ? Number(m2) : Number(m1);
  // 「12月31日至1月2日」 crosses into the next year.
  const toYear = y2 ? Number(y2) : toMonth < Number(m1) ? fromYear + 1 : fromYear;
  const to = isoDate(toYear, toMonth, Number(d2));
  if (!isLocalDate(to) || to < from) return { dates: [], problem: `「${text}」不是有效的日期范围` };
  const dates = daysBetween(from, to);
  if (dates.length > 31) return { dates: [], problem: `「${text}」超过 31 天，请核对` };
  return { dates };
}

function readNotice(text: string, year: number, add: (day: HolidayDay) => void, problems: string[]): void {
  const plain = text.replace(/（[^）]*）|\([^)]*\)/g, ""); // 「（周四）」「（农历除夕、周二）」
  const items = [...plain.matchAll(ITEM)];
  items.forEach((item, i) => {
    const name = item[2]!.trim();
    const body = plain.slice(item.index! + item[0].length, items[i + 1]?.index ?? plain.length);
    for (const sentence of body.split(/[。；;\n]/)) {
      const kind = sentence.includes("上班") ? "WORKDAY" : sentence.includes("放假") || sentence.includes("休") ? "HOLIDAY" : null;
      const found = [...sentence.matchAll(DATE_OR_RANGE)];
      if (!kind || found.length === 0) continue;
      const dates: string[] = [];
      for (const match of found) {
        const { dates: some, problem } = datesOf(match, year);
        if (problem) problems.push(`${name}：${problem}`);
        dates.push(...some);
      }
      const total = /共\s*(\d+)\s*天/.exec(sentence);
      if (kind === "HOLIDAY" && total && Number(total[1]) !== dates.length) {
        problems.push(`${name}：通知写明共 ${total[1]} 天，解析出 ${dates.length} 天，请核对`);
      }
      for (const date of dates) add({ date, kind, name: kind === "WORKDAY" ? WORKDAY_NAME : name });
    }
  });
}

/** One line of a date list; a weekday with no word for the kind can only be a holiday. */
function readListLine(match: RegExpMatchArray, line: string, add: (day: HolidayDay) => void, problems: string[]): void {
  const [, y, m, d, rest] = match;
  const date = isoDate(Number(y), Number(m), Number(d));
  if (!isLocalDate(date)) {
    problems.push(`「${line.trim()}」不是有效日期`);
    return;
  }
  const words = rest!.split(/[,，\t ]+/).filter(Boolean);
  const kindWord = words.find((w) => HOLIDAY_WORDS.includes(w) || WORKDAY_WORDS.includes(w));
  const name = words.filter((w) => w !== kindWord).join(" ").slice(0, 20);
  const weekend = [0, 6].includes(dayOfWeek(date));
  const kind = kindWord ? (WORKDAY_WORDS.includes(kindWord) ? "WORKDAY" : "HOLIDAY") : weekend ? null : "HOLIDAY";
  if (!kind) {
    problems.push(`${date} 是周末：请注明「休」（节假日）或「班」（调休上班）`);
    return;
  }
  add({ date, kind, name: kind === "WORKDAY" ? name || WORKDAY_NAME : name || "节假日" });
}

/**
 * Reads a year's exceptions from a notice's text and / or a date list. `year` is the year being
 * edited; a notice that names its year wins. Every day must fall in that year, a 调休 working day
 * on a weekend, and no day may be both off and on.
 */
export function parseHolidayList(text: string, year: number): HolidayList {
  const noticeYear = NOTICE_YEAR.exec(text);
  const target = noticeYear ? Number(noticeYear[1]) : year;
  const problems: string[] = [];
  const byDate = new Map<string, HolidayDay>();
  const add = (day: HolidayDay) => {
    const seen = byDate.get(day.date);
    if (seen && seen.kind !== day.kind) problems.push(`${day.date} 既列为放假又列为上班，请核对`);
    if (!seen) byDate.set(day.date, day);
  };

  const noticeLines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const listed = LIST_LINE.exec(line);
    if (listed) readListLine(listed, line, add, problems);
    else noticeLines.push(line);
  }
  readNotice(noticeLines.join("\n"), target, add, problems);

  const days = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  for (const day of days) {
    if (!day.date.startsWith(`${target}-`)) problems.push(`${day.date} 不在 ${target} 年：一次只登记一年的日期`);
    if (day.kind === "WORKDAY" && ![0, 6].includes(dayOfWeek(day.date))) problems.push(`${day.date} 不是周六或周日，不能登记为调休上班日`);
  }
  if (days.length === 0 && problems.length === 0) problems.push("没有识别出日期：请粘贴国务院办公厅通知的正文，或每行一个日期（如 2026-01-01,休,元旦）");
  return { year: target, days, problems };
}
