import { describe, expect, it } from "vitest";
import { CATEGORY_CODES } from "./labels";
import { hasUnfilledPlaceholder, replyTemplatesFor } from "./reply-templates";
import { actionSchemas } from "./workflow-actions";

describe("reply templates", () => {
  it("offers at least one template for every category, none for an unknown one", () => {
    for (const code of CATEGORY_CODES) expect(replyTemplatesFor(code).length).toBeGreaterThan(0);
    expect(replyTemplatesFor("NOPE")).toEqual([]);
  });

  it("a reply that still holds a 【…】 placeholder is refused with a Chinese reason", () => {
    const template = replyTemplatesFor("CONGESTION")[0]!.text;
    expect(hasUnfilledPlaceholder(template)).toBe(true);
    const refused = actionSchemas.reply.safeParse({ text: template });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain("未填写的【…】");
    const adapted = template.replace(/【[^】]*】/g, "光岳路");
    expect(actionSchemas.reply.safeParse({ text: adapted }).success).toBe(true);
  });
});
