// Training and held-out evaluation of the classifier (#14 item 3). Pure apart from yielding to the
// event loop: a nightly retrain runs inside a serving node, and 100,000 tickets must not hold the
// loop for seconds (the guide's "nothing blocks the floor"), so work is done in slices.
import { CATEGORY_CODES } from "@/lib/domain/labels";
import { fitTemperature, logScores, naiveBayes, NaiveBayesCounts, rowsOf, softmax, type NaiveBayes } from "./naive-bayes";
import { loadModel, MODEL_FORMAT, type Model, type ModelData } from "./model";
import { foldText, gramsOf, joinedText, placeMask, type ComplaintText, type PlaceMask } from "./text";

/** A ticket (or a corpus text) with the labels a person gave it. */
export type LabelledText = ComplaintText & {
  /** The ticket number; null for the shipped corpus, which is never shown as a similar ticket. */
  no: string | null;
  category: string;
  /** The owner unit's code, when it had one. */
  unit: string | null;
};

/**
 * Whether a ticket belongs to the held-out part: by its number, so that every model — the current
 * one and each new one — is measured on the same tickets and none of them ever trained on them.
 * One in five.
 */
export function isHeldOut(no: string): boolean {
  let hash = 2166136261;
  for (let i = 0; i < no.length; i++) hash = Math.imul(hash ^ no.charCodeAt(i), 16777619);
  return (hash >>> 0) % 5 === 0;
}

/**
 * What a complaint says apart from where: the same sentence about another road, or the same call
 * pasted again, teaches the category nothing new. Each wording counts once for the category model,
 * so a flood of repeated or templated tickets (a campaign of identical 12345 transfers, the demo
 * history's few dozen sentences) cannot drown the varied rest. The unit model counts them all: there
 * the place is the point.
 */
export function wordingOf(text: ComplaintText): string {
  const place = text.place?.trim();
  const content = place ? (text.content ?? "").split(place).join("") : (text.content ?? "");
  return foldText(`${text.title ?? ""}|${content}`);
}

const SLICE = 400;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How many recent tickets the model keeps to show as similar ones. */
const EXEMPLARS = 5000;

export class Trainer {
  private readonly categories = new NaiveBayesCounts(CATEGORY_CODES);
  private readonly units: NaiveBayesCounts;
  private readonly exemplars: ModelData["exemplars"] = [];
  readonly heldOut: LabelledText[] = [];
  private siteTickets = 0;
  /** The wordings already counted for the category model (see wordingOf). */
  private readonly wordings = new Set<string>();
  /** The shipped corpus's distinct texts, for calibrating when the site has too few unseen ones. */
  private readonly corpus: { grams: string[]; category: string }[] = [];

  private readonly placeNames: string[];
  private readonly mask: PlaceMask;

  /** `placeNames`: the site's districts and 地名库 names, blanked for the category model. */
  constructor(unitCodes: readonly string[], placeNames: readonly string[] = []) {
    this.units = new NaiveBayesCounts(unitCodes);
    this.placeNames = [...placeNames];
    this.mask = placeMask(placeNames);
  }

  /** Adds texts in slices; tickets the held-out rule picks are kept aside for the evaluation. */
  async add(texts: readonly LabelledText[]): Promise<void> {
    for (let i = 0; i < texts.length; i += SLICE) {
      for (const text of texts.slice(i, i + SLICE)) {
        if (text.no !== null && isHeldOut(text.no)) {
          this.heldOut.push(text);
          continue;
        }
        const wording = `${text.category}|${wordingOf(text)}`;
        if (!this.wordings.has(wording)) {
          this.wordings.add(wording);
          const grams = gramsOf(text, this.mask);
          this.categories.add(grams, text.category);
          if (text.no === null) this.corpus.push({ grams, category: text.category });
        }
        if (text.no === null) continue;
        this.siteTickets++;
        if (text.unit) this.units.add(gramsOf(text), text.unit);
        if (this.exemplars.length < EXEMPLARS) {
          this.exemplars.push([text.no, text.title?.trim() || (text.content ?? "").slice(0, 24), text.category, text.unit, joinedText(text)]);
        }
      }
      await yieldToLoop();
    }
  }

  /** Site tickets trained on (the corpus excluded). */
  get trainedTickets(): number {
    return this.siteTickets;
  }

  /**
   * The model, its temperatures fitted on held-out tickets. For the category, only held-out
   * tickets whose wording the model never saw count: a repeated sentence is always right and would
   * teach the model to be certain of everything (the demo history is a few dozen sentences). With
   * fewer than CALIBRATION_MIN of those, the corpus calibrates by cross-validation.
   */
  async finish(): Promise<{ data: ModelData; model: Model }> {
    const data: ModelData = {
      format: MODEL_FORMAT,
      category: this.categories.finish(),
      categoryTemperature: 10,
      unit: this.units.documents > 0 ? this.units.finish() : null,
      unitTemperature: 10,
      exemplars: this.exemplars,
      placeNames: this.placeNames,
    };
    let model = loadModel(data);
    const samples = await scoreAll(model, this.heldOut);
    const categorySamples = samples.flatMap((s, i) => {
      const t = this.heldOut[i]!;
      return s.category && !this.wordings.has(`${t.category}|${wordingOf(t)}`) ? [s.category] : [];
    });
    data.categoryTemperature = fitTemperature(categorySamples.length >= CALIBRATION_MIN ? categorySamples : await this.corpusSamples());
    data.unitTemperature = fitTemperature(samples.flatMap((s) => (s.unit ? [s.unit] : [])));
    model = { ...model, categoryTemperature: data.categoryTemperature, unitTemperature: data.unitTemperature };
    return { data, model };
  }

  /** Held-out scores of the corpus by 5-fold cross-validation: each text scored by a model without it. */
  private async corpusSamples(): Promise<Scored[]> {
    const samples: Scored[] = [];
    for (let fold = 0; fold < FOLDS; fold++) {
      const counts = new NaiveBayesCounts(CATEGORY_CODES);
      this.corpus.forEach((t, i) => i % FOLDS !== fold && counts.add(t.grams, t.category));
      const nb = naiveBayes(counts.finish());
      this.corpus.forEach((t, i) => {
        const label = nb.labels.indexOf(t.category);
        if (i % FOLDS === fold && nb.trained[label]) samples.push({ scores: logScores(nb, rowsOf(nb, t.grams)), label });
      });
      await yieldToLoop();
    }
    return samples;
  }
}

/** Fewer unseen held-out wordings than this calibrate by chance; the corpus does it then. */
const CALIBRATION_MIN = 30;
const FOLDS = 5;

type Scored = { scores: Float64Array; label: number };

async function scoreAll(model: Model, texts: readonly LabelledText[]): Promise<{ category: Scored | null; unit: Scored | null }[]> {
  const out: { category: Scored | null; unit: Scored | null }[] = [];
  const score = (nb: NaiveBayes | null, grams: string[], label: string | null): Scored | null => {
    if (!nb || label === null) return null;
    const index = nb.labels.indexOf(label);
    if (index < 0 || !nb.trained[index]) return null;
    return { scores: logScores(nb, rowsOf(nb, grams)), label: index };
  };
  for (let i = 0; i < texts.length; i += SLICE) {
    for (const text of texts.slice(i, i + SLICE)) {
      out.push({ category: score(model.category, gramsOf(text, model.mask), text.category), unit: score(model.unit, gramsOf(text), text.unit) });
    }
    await yieldToLoop();
  }
  return out;
}

/** A model's figures on held-out tickets: what admins see and what activation compares. */
export type Evaluation = {
  tickets: number;
  top1: number | null;
  top2: number | null;
  /** Mean negative log-probability of the true category: lower = surer when right. */
  logLoss: number | null;
  /** In CATEGORY_CODES order. */
  perCategory: { code: string; tickets: number; top1: number; top2: number }[];
  /** confusion[actual][predicted], both in CATEGORY_CODES order. */
  confusion: number[][];
  /** The unit model on held-out tickets that had an owner; null without a unit model. */
  units: { tickets: number; correct: number } | null;
};

export async function evaluate(model: Model, texts: readonly LabelledText[]): Promise<Evaluation> {
  const codes = CATEGORY_CODES as readonly string[];
  const confusion = codes.map(() => codes.map(() => 0));
  const perCategory = codes.map((code) => ({ code, tickets: 0, top1: 0, top2: 0 }));
  let tickets = 0;
  let top1 = 0;
  let top2 = 0;
  let logLoss = 0;
  const units = model.unit ? { tickets: 0, correct: 0 } : null;
  const scored = await scoreAll(model, texts);
  scored.forEach(({ category, unit }, i) => {
    const actual = codes.indexOf(texts[i]!.category);
    if (actual >= 0) {
      tickets++;
      perCategory[actual]!.tickets++;
      const probabilities = category ? softmax(category.scores, model.categoryTemperature) : new Float64Array(codes.length);
      const order = [...probabilities.keys()].sort((a, b) => probabilities[b]! - probabilities[a]! || a - b);
      confusion[actual]![codes.indexOf(model.category.labels[order[0]!]!)]!++;
      const labelIndex = model.category.labels.indexOf(texts[i]!.category);
      if (order[0] === labelIndex) {
        top1++;
        perCategory[actual]!.top1++;
      }
      if (order.slice(0, 2).includes(labelIndex)) {
        top2++;
        perCategory[actual]!.top2++;
      }
      logLoss -= Math.log(Math.max(probabilities[labelIndex] ?? 0, 1e-12));
    }
    if (units && texts[i]!.unit) {
      units.tickets++;
      if (unit) {
        let best = 0;
        for (let l = 1; l < unit.scores.length; l++) if (unit.scores[l]! > unit.scores[best]!) best = l;
        if (best === unit.label) units.correct++;
      }
    }
  });
  return {
    tickets,
    top1: tickets ? top1 / tickets : null,
    top2: tickets ? top2 / tickets : null,
    logLoss: tickets ? logLoss / tickets : null,
    perCategory,
    confusion,
    units,
  };
}

/**
 * Activation (#14 item 3): a new model replaces the current one only when it does better on the
 * same held-out tickets — more of them right, or as many right and surer of the right answers
 * (lower log-loss). With no held-out tickets there is nothing to show it is better.
 */
export function beats(candidate: Evaluation, current: Evaluation | null): boolean {
  if (candidate.tickets === 0 || candidate.top1 === null) return false;
  if (!current || current.top1 === null) return true;
  if (candidate.top1 !== current.top1) return candidate.top1 > current.top1;
  return (candidate.logLoss ?? Infinity) < (current.logLoss ?? Infinity);
}
