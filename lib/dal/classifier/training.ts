import "server-only";
// 训练 (#14 item 3): a new model from the site's own history — closed tickets, 12345 imports with
// their upstream 诉求分类 and 承办单位, and tickets a dispatcher placed or corrected by hand — plus
// the shipped corpus; measured against the active model on the same held-out tickets and
// activated only if it does better. Run by `npm run cli -- train`, the nightly scheduler job and
// the admins' 立即训练.
import type { Actor } from "@/lib/auth/actor";
import { runCliCommand } from "@/lib/cli-process";
import { db, transaction } from "@/lib/db";
import { localDateOf, localMidnight } from "@/lib/domain/local-time";
import { beats, evaluate, Trainer, type Evaluation, type LabelledText } from "@/lib/domain/classifier/train";
import { modelVerdict } from "@/lib/domain/classifier/verdict";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { reference } from "@/lib/dal/reference";
import { requireAdmin } from "@/lib/dal/admin/audit";
import { sql } from "@/lib/sql";
import { toDate } from "@/lib/sql/values";
import { activeModel, forgetActiveModel, packModel, placeNamesOf, type ModelTrigger } from "./models";
import { baseCorpusTexts } from "./corpus";

/** The most recent labelled tickets a training reads: enough to learn a province's words. */
const MAX_TICKETS = 200_000;
const PAGE = 5000;

export type TrainingReport = {
  version: number;
  tickets: number;
  heldOut: number;
  evaluation: Evaluation;
  /** The active model's figures on the same held-out tickets. */
  baseline: { version: number; evaluation: Evaluation };
  activated: boolean;
  /** Why it was or was not activated, in Chinese. */
  verdict: string;
};

/** Pages of labelled tickets, newest first (the newest become the similar-ticket exemplars). */
async function* labelledTickets(from: Date | null): AsyncGenerator<LabelledText[]> {
  let after: { receivedAt: Date; id: string } | null = null;
  for (let read = 0; read < MAX_TICKETS; ) {
    let query = sql()
      .selectFrom("Ticket as t")
      .leftJoin("Unit as u", "u.id", "t.ownerUnitId")
      .select(["t.id", "t.no", "t.title", "t.content", "t.place", "t.categoryCode", "t.receivedAt", "u.code as unit"])
      .where("t.status", "not in", ["MERGED", "INVALID"])
      .where((eb) =>
        eb.or([
          eb("t.status", "=", "CLOSED"),
          eb("t.channel", "=", "IMPORT"),
          // 人工派单 or 退单改派: a dispatcher said where it belongs.
          eb.exists(
            eb
              .selectFrom("TicketEvent as e")
              .select("e.id")
              .whereRef("e.ticketId", "=", "t.id")
              .where((e) => e.or([e("e.type", "=", "RETURN_APPROVED"), e.and([e("e.type", "=", "DISPATCHED"), e("e.actorId", "is not", null)])])),
          ),
        ]),
      );
    if (from) query = query.where("t.receivedAt", ">=", from);
    if (after) {
      const { receivedAt, id } = after;
      query = query.where((eb) => eb.or([eb("t.receivedAt", "<", receivedAt), eb.and([eb("t.receivedAt", "=", receivedAt), eb("t.id", "<", id)])]));
    }
    const rows = await query
      .orderBy("t.receivedAt", "desc")
      .orderBy("t.id", "desc")
      .limit(Math.min(PAGE, MAX_TICKETS - read))
      .execute();
    if (rows.length === 0) return;
    read += rows.length;
    const last = rows[rows.length - 1]!;
    after = { receivedAt: toDate(last.receivedAt), id: last.id };
    yield rows.map((r) => ({ no: r.no, title: r.title, content: r.content, place: r.place, category: r.categoryCode, unit: r.unit }));
  }
}

/** Trains, evaluates, stores and (if it beats the active model) activates a new model. */
export async function trainClassifier(options: { trigger: Exclude<ModelTrigger, "BASE">; from?: Date | null }): Promise<TrainingReport> {
  const from = options.from ?? null;
  const ref = await reference();
  const current = await activeModel();
  const trainer = new Trainer(ref.units.filter((u) => u.kind !== "DETACHMENT" && u.kind !== "DISPATCH").map((u) => u.code), placeNamesOf(ref));
  await trainer.add(baseCorpusTexts());
  for await (const page of labelledTickets(from)) await trainer.add(page);
  const { data, model } = await trainer.finish();
  const evaluation = await evaluate(model, trainer.heldOut);
  const baseline = await evaluate(current.model, trainer.heldOut);
  const better = beats(evaluation, baseline);

  const bytes = await packModel(data);
  const version = await transaction(async (tx) => {
    const last = await tx.classifierModel.aggregate({ _max: { version: true } });
    const next = (last._max.version ?? 0) + 1;
    const now = new Date();
    // Activated only if the model it was compared with is still the active one.
    const stillCurrent = (await tx.classifierModel.findFirst({ where: { active: true }, select: { version: true } }))?.version === current.version;
    const activate = better && stillCurrent;
    if (activate) await tx.classifierModel.updateMany({ where: { active: true }, data: { active: false } });
    await tx.classifierModel.create({
      data: {
        id: newId(),
        version: next,
        trigger: options.trigger,
        trainedFrom: from,
        tickets: trainer.trainedTickets,
        heldOut: evaluation.tickets,
        evaluation: JSON.stringify(evaluation),
        baseline: JSON.stringify(baseline),
        active: activate,
        activatedAt: activate ? now : null,
        data: bytes,
      },
    });
    return { next, activate };
  });
  forgetActiveModel(); // activated or not, its tickets are now the site's memory
  const verdict = modelVerdict({ trigger: options.trigger, heldOut: evaluation.tickets, evaluation, baseline, activatedAt: version.activate ? new Date() : null });
  logger.info({ version: version.next, tickets: trainer.trainedTickets, top1: evaluation.top1, activated: version.activate }, "classifier trained");
  return {
    version: version.next,
    tickets: trainer.trainedTickets,
    heldOut: evaluation.tickets,
    evaluation,
    baseline: { version: current.version, evaluation: baseline },
    activated: version.activate,
    verdict,
  };
}

/** 立即训练 from the admin page, in a child process: training is seconds of CPU. */
export async function trainClassifierAsAdmin(actor: Actor): Promise<TrainingReport> {
  requireAdmin(actor);
  return JSON.parse(await runCliCommand(["train", "--trigger", "ADMIN"])) as TrainingReport;
}

/** The hours (Asia/Shanghai) in which the nightly training may start: the quietest of the day. */
const NIGHT = { from: 2, to: 6 };

/**
 * 夜间自动训练: due in the night hours when no scheduled training has run since local midnight.
 * Asked of the database, so a restart or a new leader does not train twice in a night.
 */
export async function nightlyTrainingDue(now: Date): Promise<boolean> {
  const midnight = localMidnight(localDateOf(now));
  const hour = (now.getTime() - midnight.getTime()) / 3_600_000;
  if (hour < NIGHT.from || hour >= NIGHT.to) return false;
  return (await db.classifierModel.count({ where: { trigger: "SCHEDULE", createdAt: { gte: midnight } } })) === 0;
}
