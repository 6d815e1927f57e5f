import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadOfficialCalendar } from "./calendar";
import { parseHolidayList } from "./holiday-notice";

const official = loadOfficialCalendar(JSON.parse(readFileSync(new URL("../../prisma/data/holidays-cn.json", import.meta.url), "utf8")));
const officialYear = (year: number) => official.filter((d) => d.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));

// The notices as published on www.gov.cn, pasted whole (header, items, closing lines).
const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
国办发明电〔2025〕7号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2025年11月4日`;

const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
国务院办公厅
2024年11月12日`;

describe("parseHolidayList", () => {
  it("reads the 2026 notice as published into exactly the official 2026 calendar", () => {
    const list = parseHolidayList(NOTICE_2026, 2030);
    expect(list.problems).toEqual([]);
    expect(list.year).toBe(2026); // the notice names its year
    expect(list.days).toEqual(officialYear(2026));
    expect(list.days.filter((d) => d.kind === "WORKDAY").map((d) => d.date)).toEqual(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
  });

  it("reads the 2025 notice: a one-day 元旦, a range across months, a joint festival", () => {
    const list = parseHolidayList(NOTICE_2025, 2025);
    expect(list.problems).toEqual([]);
    expect(list.days).toEqual(officialYear(2025));
    expect(list.days.find((d) => d.date === "2025-10-08")).toEqual({ date: "2025-10-08", kind: "HOLIDAY", name: "国庆节、中秋节" });
  });

  it("reads a list of dates, one a line, with or without a kind and a name", () => {
    const list = parseHolidayList("date,kind,name\n2027-01-01,休,元旦\n2027/2/6 班\n2027-02-08\t春节\n\n2027-10-01,HOLIDAY,国庆节", 2027);
    expect(list.problems).toEqual([]);
    expect(list.days).toEqual([
      { date: "2027-01-01", kind: "HOLIDAY", name: "元旦" },
      { date: "2027-02-06", kind: "WORKDAY", name: "调休上班" },
      { date: "2027-02-08", kind: "HOLIDAY", name: "春节" },
      { date: "2027-10-01", kind: "HOLIDAY", name: "国庆节" },
    ]);
  });

  it("explains what it cannot take, in Chinese", () => {
    expect(parseHolidayList("2027-02-06,元旦", 2027).problems).toEqual(["2027-02-06 是周末：请注明「休」（节假日）或「班」（调休上班）"]);
    expect(parseHolidayList("2027-02-03,班", 2027).problems).toEqual(["2027-02-03 不是周六或周日，不能登记为调休上班日"]);
    expect(parseHolidayList("2026-12-31,休,元旦", 2027).problems).toEqual(["2026-12-31 不在 2027 年：一次只登记一年的日期"]);
    expect(parseHolidayList("2027-02-30,休", 2027).problems).toEqual(["「2027-02-30,休」不是有效日期"]);
    expect(parseHolidayList("2027-01-02,休\n2027-01-02,班", 2027).problems).toEqual(["2027-01-02 既列为放假又列为上班，请核对"]);
    expect(parseHolidayList("一、元旦：1月1日至2日放假调休，共3天。", 2027).problems).toEqual(["元旦：通知写明共 3 天，解析出 2 天，请核对"]);
    expect(parseHolidayList("放假安排另行通知", 2027).problems).toEqual([
      "没有识别出日期：请粘贴国务院办公厅通知的正文，或每行一个日期（如 2026-01-01,休,元旦）",
    ]);
  });
});
