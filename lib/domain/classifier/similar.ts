// 相似工单 (#14 item 2): the past tickets whose words the new complaint shares most, so that a
// dispatcher sees how the same matter was classified and who handled it. Cosine similarity of
// tf-idf weighted bigrams and trigrams (single characters say too little about sameness) over an
// inverted index, so a query touches only the tickets that share a rare gram with it.

export type Exemplar = { no: string; title: string; category: string; unit: string | null; grams: readonly string[] };

export type SimilarIndex = {
  exemplars: readonly Exemplar[];
  postings: Map<string, number[]>;
  idf: Map<string, number>;
  norms: Float64Array;
};

/** Grams found in more than this share of the exemplars (的, 路口) are skipped: they match everything. */
const COMMON_SHARE = 0.08;
/** Below this cosine a "similar" ticket is only a coincidence of words. */
const MIN_SIMILARITY = 0.12;

const isPhrase = (gram: string) => Array.from(gram).length >= 2;

export function similarIndex(exemplars: readonly Exemplar[]): SimilarIndex {
  const postings = new Map<string, number[]>();
  exemplars.forEach((exemplar, i) => {
    for (const gram of exemplar.grams) {
      if (!isPhrase(gram)) continue;
      const list = postings.get(gram);
      if (list) list.push(i);
      else postings.set(gram, [i]);
    }
  });
  const n = exemplars.length;
  const idf = new Map<string, number>();
  for (const [gram, list] of postings) idf.set(gram, Math.log((n + 1) / list.length));
  const norms = new Float64Array(n);
  exemplars.forEach((exemplar, i) => {
    let sum = 0;
    for (const gram of exemplar.grams) {
      const w = idf.get(gram);
      if (w !== undefined) sum += w * w;
    }
    norms[i] = Math.sqrt(sum);
  });
  return { exemplars, postings, idf, norms };
}

/** Up to `limit` exemplars most like the query grams, most similar first. */
export function mostSimilar(index: SimilarIndex, grams: readonly string[], limit = 3): { exemplar: Exemplar; similarity: number }[] {
  const n = index.exemplars.length;
  if (n === 0) return [];
  const scores = new Map<number, number>();
  let queryNorm = 0;
  for (const gram of new Set(grams)) {
    const w = index.idf.get(gram);
    if (w === undefined) continue;
    queryNorm += w * w;
    const list = index.postings.get(gram)!;
    if (list.length > Math.max(20, n * COMMON_SHARE)) continue;
    for (const i of list) scores.set(i, (scores.get(i) ?? 0) + w * w);
  }
  queryNorm = Math.sqrt(queryNorm);
  if (queryNorm === 0) return [];
  return [...scores]
    .map(([i, dot]) => ({ exemplar: index.exemplars[i]!, similarity: dot / (queryNorm * index.norms[i]!) }))
    .filter((s) => s.similarity >= MIN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || (a.exemplar.no < b.exemplar.no ? 1 : -1))
    .slice(0, limit);
}
