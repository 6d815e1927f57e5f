// 智能分类模型 page data (#14 item 3): admin only; a new site shows its base model, active.
import { describe, expect, it } from "vitest";
import { actorOf } from "../support/actors";
import { classifierOverview } from "@/lib/dal/classifier/admin";
import { forgetActiveModel } from "@/lib/dal/classifier/models";
import { db } from "@/lib/db";
import { CATEGORY_CODES } from "@/lib/domain/labels";

describe("classifier overview for admins", () => {
  it("is refused to anyone but an admin", async () => {
    await expect(classifierOverview(await actorOf("manager"))).rejects.toMatchObject({ status: 403 });
    await expect(classifierOverview(await actorOf("dispatcher"))).rejects.toMatchObject({ status: 403 });
  });

  it("shows a new site its base model, active, with its evaluation on the shipped set", async () => {
    await db.classifierModel.deleteMany();
    forgetActiveModel();
    const { models, chosen } = await classifierOverview(await actorOf("admin"));
    expect(models).toHaveLength(1);
    expect(chosen).toMatchObject({ version: 1, trigger: "BASE", active: true, baseline: null });
    expect(chosen!.evaluation.perCategory.map((c) => c.code)).toEqual([...CATEGORY_CODES]);
    expect(chosen!.evaluation.confusion).toHaveLength(CATEGORY_CODES.length);
    expect(chosen!.heldOut).toBe(chosen!.evaluation.tickets);
    // An unknown version falls back to the active model.
    expect((await classifierOverview(await actorOf("admin"), 99)).chosen?.version).toBe(1);
  });
});
