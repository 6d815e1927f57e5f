import { describe, expect, it } from "vitest";
import { maskPersonalData } from "./personal-data";

describe("maskPersonalData", () => {
  it("masks mobile numbers however they are written", () => {
    expect(maskPersonalData("请回电13912345678")).toBe("请回电139****5678");
    expect(maskPersonalData("电话 +86 139-1234-5678，谢谢")).toBe("电话 139****5678，谢谢");
    expect(maskPersonalData("号码139 1234 5678。")).toBe("号码139****5678。");
    expect(maskPersonalData("8613912345678")).toBe("139****5678");
  });

  it("masks fixed-line numbers, keeping the area code", () => {
    expect(maskPersonalData("门卫电话0635-8888123")).toBe("门卫电话0635-*****23");
    expect(maskPersonalData("拨打(010)12345678")).toBe("拨打(010)-******78");
  });

  it("masks ID-card and bank-card numbers", () => {
    expect(maskPersonalData("身份证号371502199001011234")).toBe("身份证号3715**********1234");
    expect(maskPersonalData("身份证37150219900101123X。")).toBe("身份证3715**********123X。");
    expect(maskPersonalData("旧证371502900101123")).toBe("旧证3715*******1123");
    expect(maskPersonalData("卡号6222021234567890123")).toBe("卡号6222***********0123");
  });

  it("masks licence plates, also new-energy ones, lower case and with a dot", () => {
    expect(maskPersonalData("车牌鲁P12345违停")).toBe("车牌鲁P***45违停");
    expect(maskPersonalData("鲁P·D12345占道")).toBe("鲁P****45占道");
    expect(maskPersonalData("一辆鲁pa123b")).toBe("一辆鲁P***3B");
  });

  it("leaves ticket numbers, dates, times and ordinary numbers alone", () => {
    const text = "工单20261130000710于2026-11-30 08:30受理，路口排队约300米，第2次反映，限速60。";
    expect(maskPersonalData(text)).toBe(text);
  });
});
