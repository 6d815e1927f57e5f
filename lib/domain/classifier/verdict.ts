// How an admin reads a stored classifier model (#14 item 3): what it was measured on and why it
// is or is not in use. The training run says the same at the time (lib/dal/classifier/training.ts);
// this is the record read back later, when the model it was compared with may no longer be active.
import { beats, type Evaluation } from "./train";

export type StoredModel = {
  trigger: string;
  heldOut: number;
  evaluation: Evaluation;
  baseline: Evaluation | null;
  activatedAt: Date | null;
};

/** The set the figures come from: the shipped evaluation set for the base model, else held-out tickets. */
export function measuredOn(model: Pick<StoredModel, "trigger" | "heldOut">): string {
  return model.trigger === "BASE"
    ? `仓库附带的独立评估集（${model.heldOut} 条，与训练语料分开编写）`
    : `训练时留出、未参与训练的 ${model.heldOut} 件工单`;
}

export function modelVerdict(model: StoredModel): string {
  if (model.trigger === "BASE") return "基础模型：新站点从它开始，之后训练的模型须在同一批留出工单上优于当时启用的模型才会启用";
  if (model.evaluation.tickets === 0) return "没有留出的评估工单（已办结或导入的工单太少），未启用";
  const n = model.evaluation.tickets;
  if (model.activatedAt) return `在同一批 ${n} 件留出工单上优于当时启用的模型，已启用`;
  if (beats(model.evaluation, model.baseline)) return `在同一批 ${n} 件留出工单上优于当时启用的模型，但训练期间已有其他模型启用，未启用`;
  return `在同一批 ${n} 件留出工单上未优于当时启用的模型，未启用`;
}
