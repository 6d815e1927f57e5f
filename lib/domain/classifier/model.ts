// The classifier model (#14): complaint text → category with a confidence and the runner-up, the
// words that decided, the most similar past tickets, and — for tickets no routing rule places —
// the unit that handled such complaints before. Pure: the DAL stores and loads the data form.
import { gramWeight, logScores, naiveBayes, rowsOf, softmax, type NaiveBayes, type NaiveBayesData } from "./naive-bayes";
import { mostSimilar, similarIndex, type Exemplar, type SimilarIndex } from "./similar";
import { featuresOf, gramsOf, placeMask, type ComplaintText, type Feature, type PlaceMask } from "./text";

/** The stored form (JSON): bump FORMAT when it changes, and the loader refuses older data. */
export const MODEL_FORMAT = 1;

export type ModelData = {
  format: typeof MODEL_FORMAT;
  category: NaiveBayesData;
  categoryTemperature: number;
  /** Null until the site has tickets with owners to learn from (the shipped base model). */
  unit: NaiveBayesData | null;
  unitTemperature: number;
  /** [no, title, category, unit | null, text]: the text is re-featurised on load. */
  exemplars: [string, string, string, string | null, string][];
  /** The place names blanked for the category model (text.ts placeMask), as at training. */
  placeNames?: string[];
};

export type Model = {
  category: NaiveBayes;
  categoryTemperature: number;
  unit: NaiveBayes | null;
  unitTemperature: number;
  similar: SimilarIndex;
  mask: PlaceMask;
};

export function loadModel(data: ModelData): Model {
  if (data.format !== MODEL_FORMAT) throw new Error(`classifier model format ${String(data.format)} is not ${MODEL_FORMAT}`);
  const exemplars: Exemplar[] = data.exemplars.map(([no, title, category, unit, text]) => ({
    no,
    title,
    category,
    unit,
    grams: gramsOf({ content: text }),
  }));
  return {
    category: naiveBayes(data.category),
    categoryTemperature: data.categoryTemperature,
    unit: data.unit ? naiveBayes(data.unit) : null,
    unitTemperature: data.unitTemperature,
    similar: similarIndex(exemplars),
    mask: placeMask(data.placeNames ?? []),
  };
}

export type Ranked = { code: string; confidence: number };
export type Reason = { text: string; weight: number };

export type TextJudgement = {
  /** Best first; only labels the model was trained on (at least one: the corpus has all six). */
  categories: Ranked[];
  reasons: Reason[];
  similar: { no: string; title: string; category: string; unit: string | null }[];
  /** The unit model's ranking, best first; empty without a unit model or without known words. */
  units: Ranked[];
};

const REASONS = 5;

function ranked(model: NaiveBayes, scores: Float64Array, temperature: number): Ranked[] {
  const probabilities = softmax(scores, temperature);
  return model.labels
    .map((code, i) => ({ code, confidence: probabilities[i]!, trained: model.trained[i] }))
    .filter((r) => r.trained)
    .map(({ code, confidence }) => ({ code, confidence }))
    .sort((a, b) => b.confidence - a.confidence || (a.code < b.code ? -1 : 1));
}

export type CategoryJudgement = Pick<TextJudgement, "categories" | "reasons">;

/**
 * The categories and the words that decided, alone: for the public hint and the dispatcher's queue,
 * which show nothing of past tickets or units. The category reads the words without the place names.
 */
export function categoriesOf(model: Model, input: ComplaintText): CategoryJudgement {
  const { text, features } = featuresOf(input, model.mask);
  // Without a single known word the priors alone rank the categories: a weak answer, not none.
  const rows = rowsOf(model.category, features.map((f) => f.gram));
  const categories = ranked(model.category, logScores(model.category, rows), model.categoryTemperature);
  // Offsets are those of the unblanked text (blanks keep lengths), so the reasons quote the caller.
  const plain = model.mask ? featuresOf(input).text : text;
  return { categories, reasons: reasonsFor(model.category, plain, features, model.category.labels.indexOf(categories[0]!.code)) };
}

/** The unit model's ranking for the words, place names included (there the place is the point). */
export function unitsOf(model: Model, input: ComplaintText): Ranked[] {
  if (!model.unit) return [];
  const rows = rowsOf(model.unit, gramsOf(input));
  return rows.length > 0 ? ranked(model.unit, logScores(model.unit, rows), model.unitTemperature) : [];
}

/** Categories, words, similar tickets and units for one complaint. */
export function judgeText(model: Model, input: ComplaintText): TextJudgement {
  const grams = gramsOf(input);
  return {
    ...categoriesOf(model, input),
    similar: mostSimilar(model.similar, grams).map(({ exemplar: e }) => ({ no: e.no, title: e.title, category: e.category, unit: e.unit })),
    units: unitsOf(model, input),
  };
}

/** Longer than this, a "reason" is a sentence, not the words that decided. */
const MAX_PHRASE = 6;

/**
 * The phrases of the caller's own text that spoke most for the chosen category: the heaviest
 * supporting bigrams and trigrams, each joined with the overlapping ones while the phrase stays
 * short ("违法停车" rather than 违法, 法停, 停车 separately), weighed by the grams inside.
 */
export function reasonsFor(model: NaiveBayes, text: string, features: readonly Feature[], label: number): Reason[] {
  const grams: { start: number; end: number; weight: number }[] = [];
  for (const feature of features) {
    if (Array.from(feature.gram).length < 2) continue; // a single character is not a reason a person reads
    const row = model.vocabulary.get(feature.gram);
    if (row === undefined) continue;
    const weight = gramWeight(model, row, label);
    if (weight <= 0.5) continue; // barely better than the others: noise, not a reason
    grams.push({ start: feature.start, end: feature.start + feature.gram.length, weight });
  }
  grams.sort((a, b) => b.weight - a.weight || a.start - b.start);
  const phrases: { start: number; end: number; weight: number }[] = [];
  for (const gram of grams) {
    const overlapping = phrases.filter((p) => gram.start < p.end && p.start < gram.end);
    if (overlapping.length === 0) {
      phrases.push({ ...gram });
      continue;
    }
    const phrase = overlapping[0]!;
    const start = Math.min(phrase.start, gram.start);
    const end = Math.max(phrase.end, gram.end);
    if (overlapping.length > 1 || end - start > MAX_PHRASE) continue;
    Object.assign(phrase, { start, end, weight: phrase.weight + gram.weight });
  }
  const merged = new Map<string, number>();
  for (const p of phrases) {
    const phrase = text.slice(p.start, p.end);
    merged.set(phrase, Math.max(merged.get(phrase) ?? 0, p.weight));
  }
  return [...merged]
    .map(([phrase, weight]) => ({ text: phrase, weight: Math.round(weight * 100) / 100 }))
    .sort((a, b) => b.weight - a.weight || (a.text < b.text ? -1 : 1))
    .slice(0, REASONS);
}
