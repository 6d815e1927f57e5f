import { describe, expect, it } from "vitest";
import type { Evaluation } from "./train";
import { measuredOn, modelVerdict } from "./verdict";

function evaluation(tickets: number, top1: number | null, logLoss: number | null = 0.5): Evaluation {
  return { tickets, top1, top2: top1, logLoss, perCategory: [], confusion: [], units: null };
}

describe("stored model verdicts", () => {
  it("says where the base model was measured and that it is the starting point", () => {
    const base = { trigger: "BASE", heldOut: 240, evaluation: evaluation(240, 0.93), baseline: null, activatedAt: new Date() };
    expect(measuredOn(base)).toContain("独立评估集（240 条");
    expect(modelVerdict(base)).toContain("基础模型");
  });

  it("reads a trained model's outcome from its evaluation, its baseline and its activation", () => {
    const trained = { trigger: "SCHEDULE", heldOut: 50, baseline: evaluation(50, 0.8), activatedAt: null };
    expect(measuredOn(trained)).toBe("训练时留出、未参与训练的 50 件工单");
    expect(modelVerdict({ ...trained, evaluation: evaluation(50, 0.9), activatedAt: new Date() })).toBe("在同一批 50 件留出工单上优于当时启用的模型，已启用");
    expect(modelVerdict({ ...trained, evaluation: evaluation(50, 0.7) })).toBe("在同一批 50 件留出工单上未优于当时启用的模型，未启用");
    // Better, yet another model was activated while it trained.
    expect(modelVerdict({ ...trained, evaluation: evaluation(50, 0.9) })).toContain("训练期间已有其他模型启用，未启用");
    expect(modelVerdict({ ...trained, evaluation: evaluation(0, null) })).toContain("没有留出的评估工单");
  });
});
