import "server-only";
// The classifier's models in the database (#14 item 3): the active one, cached per process and
// re-checked every few seconds so that every node of a cluster picks up an activation; the
// shipped base model, created on first need; the list with evaluations for admins.
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { db } from "@/lib/db";
import { loadModel, type Model, type ModelData } from "@/lib/domain/classifier/model";
import { evaluate, Trainer, type Evaluation } from "@/lib/domain/classifier/train";
import { newId } from "@/lib/ids";
import { reference, type Reference } from "@/lib/dal/reference";
import { logger } from "@/lib/logger";
import { baseCorpusTexts, evaluationTexts } from "./corpus";

export type ModelTrigger = "BASE" | "DEMO" | "CLI" | "SCHEDULE" | "ADMIN";
export const TRIGGER_LABELS: Record<ModelTrigger, string> = {
  BASE: "基础模型",
  DEMO: "演示历史训练（首次启动）",
  CLI: "命令行训练",
  SCHEDULE: "夜间自动训练",
  ADMIN: "管理员训练",
};

/**
 * `version`: the active model, whose category model answers. The site's memory — the similar
 * tickets and the unit model — comes from the newest training (`memoryVersion`), activated or not:
 * activation judges the category model, and a training that did not beat it still knows the
 * tickets the site has had since.
 */
export type ActiveModel = { version: number; memoryVersion: number; model: Model };

// gzip in the thread pool: a model of 100,000 tickets is a few megabytes of JSON.
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export async function packModel(data: ModelData): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await gzipAsync(JSON.stringify(data)));
}

async function unpackModel(bytes: Uint8Array): Promise<Model> {
  return loadModel(JSON.parse((await gunzipAsync(bytes)).toString("utf8")) as ModelData);
}

/** The names the category model blanks: the districts and the 地名库 (text.ts placeMask). */
export function placeNamesOf(ref: Reference): string[] {
  return [...ref.districts, ...ref.places.map((p) => p.name)];
}

/** How long a node trusts its cached active version before asking the database again. */
const RECHECK_MS = 15_000;
let cached: { active: ActiveModel; checkedAt: number } | null = null;
let inFlight: Promise<ActiveModel> | null = null;

/** The model in use (creating the base model on a new site); shared by concurrent callers. */
export function activeModel(): Promise<ActiveModel> {
  if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return Promise.resolve(cached.active);
  inFlight ??= refresh().finally(() => (inFlight = null));
  return inFlight;
}

/** Forget the cached model (after an activation in this process; tests). */
export function forgetActiveModel(): void {
  cached = null;
}

async function refresh(): Promise<ActiveModel> {
  let row = await db.classifierModel.findFirst({ where: { active: true }, select: { version: true } });
  if (!row) {
    await ensureBaseModel();
    row = await db.classifierModel.findFirst({ where: { active: true }, select: { version: true } });
    if (!row) throw new Error("no active classifier model");
  }
  const version = row.version;
  // The newest training of the site's tickets (the base model has none).
  const memoryVersion = (await db.classifierModel.findFirst({ where: { tickets: { gt: 0 } }, orderBy: { version: "desc" }, select: { version: true } }))?.version ?? version;
  if (cached?.active.version === version && cached.active.memoryVersion === memoryVersion) {
    cached.checkedAt = Date.now();
    return cached.active;
  }
  const load = async (v: number) => unpackModel((await db.classifierModel.findUniqueOrThrow({ where: { version: v }, select: { data: true } })).data);
  let model = await load(version);
  if (memoryVersion !== version) {
    const memory = await load(memoryVersion);
    model = { ...model, unit: memory.unit, unitTemperature: memory.unitTemperature, similar: memory.similar };
  }
  const active = { version, memoryVersion, model };
  cached = { active, checkedAt: Date.now() };
  return active;
}

/**
 * The base model (version 1): trained on the shipped corpus only and measured on the shipped
 * evaluation set. Made once per site, when the first classification or the seed needs it; a
 * second node doing the same at the same moment loses on the unique version and moves on.
 */
export async function ensureBaseModel(): Promise<void> {
  if ((await db.classifierModel.count()) > 0) return;
  const trainer = new Trainer([], placeNamesOf(await reference()));
  await trainer.add(baseCorpusTexts());
  const { data, model } = await trainer.finish();
  const evaluation = await evaluate(model, evaluationTexts());
  try {
    await db.classifierModel.create({
      data: {
        id: newId(),
        version: 1,
        trigger: "BASE",
        tickets: 0,
        heldOut: evaluation.tickets,
        evaluation: JSON.stringify(evaluation),
        active: true,
        activatedAt: new Date(),
        data: await packModel(data),
      },
    });
    logger.info({ top1: evaluation.top1 }, "classifier base model created");
  } catch (error) {
    if ((await db.classifierModel.count()) === 0) throw error;
  }
}

export type ModelSummary = {
  version: number;
  createdAt: Date;
  trigger: ModelTrigger;
  trainedFrom: Date | null;
  tickets: number;
  heldOut: number;
  evaluation: Evaluation;
  baseline: Evaluation | null;
  active: boolean;
  activatedAt: Date | null;
};

/** Every model, newest first, without its data. Callers check the admin permission. */
export async function modelSummaries(limit = 30): Promise<ModelSummary[]> {
  const rows = await db.classifierModel.findMany({
    orderBy: { version: "desc" },
    take: limit,
    select: { version: true, createdAt: true, trigger: true, trainedFrom: true, tickets: true, heldOut: true, evaluation: true, baseline: true, active: true, activatedAt: true },
  });
  return rows.map((r) => ({
    ...r,
    trigger: r.trigger as ModelTrigger,
    evaluation: JSON.parse(r.evaluation) as Evaluation,
    baseline: r.baseline ? (JSON.parse(r.baseline) as Evaluation) : null,
  }));
}
