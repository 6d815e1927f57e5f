import "server-only";
// 智能分类模型 for admins (#14 item 3): the models with their held-out evaluations, and 立即训练.
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/dal/admin/audit";
import { activeModel, modelSummaries, type ModelSummary } from "./models";

export type ClassifierOverview = {
  models: ModelSummary[];
  /** The model whose evaluation the page shows: the one asked for, else the active one. */
  chosen: ModelSummary | null;
};

export async function classifierOverview(actor: Actor, version?: number | null): Promise<ClassifierOverview> {
  requireAdmin(actor);
  // First, so a new site lists its base model instead of an empty page.
  await activeModel();
  const models = await modelSummaries();
  const chosen = models.find((m) => m.version === version) ?? models.find((m) => m.active) ?? models[0] ?? null;
  return { models, chosen };
}
