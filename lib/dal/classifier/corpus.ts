import "server-only";
// The texts the product ships (#14 items 3 and Evidence): the base corpus every model trains on,
// so a new site classifies from day one, and the independent evaluation set the base model is
// measured on (docs/classifier.md says how both were written).
import baseCorpus from "@/prisma/data/classifier/base-corpus.json" with { type: "json" };
import evaluationSet from "@/prisma/data/classifier/evaluation-set.json" with { type: "json" };
import type { LabelledText } from "@/lib/domain/classifier/train";

export type CorpusText = { category: string; type: string; title: string; content: string; place: string | null; district?: string | null };

const asLabelled = (t: CorpusText): LabelledText & { district: string | null } => ({
  no: null,
  title: t.title,
  content: t.content,
  place: t.place,
  category: t.category,
  unit: null,
  district: t.district ?? null,
});

export function baseCorpusTexts(): LabelledText[] {
  return (baseCorpus as CorpusText[]).map(asLabelled);
}

/** The evaluation set, with the district a reader would give each text (for unit accuracy). */
export function evaluationTexts(): (LabelledText & { district: string | null })[] {
  return (evaluationSet as CorpusText[]).map(asLabelled);
}
