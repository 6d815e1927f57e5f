// 知识库 search (issue 16): which standard answers fit what the agent typed. A knowledge base holds
// a few hundred entries, so they are ranked here rather than by the database.

export type KnowledgeCandidate = { id: string; title: string; keywords: string; answer: string; categoryCode: string | null; uses: number };

/** The words of a query: split on spaces and punctuation; 年检 and 年检需要什么 both count. */
function wordsOf(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[\s,，、。？?！!；;：:]+/)
    .filter((w) => w.length > 0);
}

/**
 * Best first: every word must appear somewhere; a word in the title weighs most, then the
 * keywords, then the answer; the topic's own entries and the often used come first among equals.
 * With no words, the topic's entries (or all) by use.
 */
export function rankKnowledge<E extends KnowledgeCandidate>(entries: E[], q: string, category?: string): E[] {
  const words = wordsOf(q);
  const scored: { entry: E; score: number }[] = [];
  for (const entry of entries) {
    const title = entry.title.toLowerCase();
    const keywords = entry.keywords.toLowerCase();
    const answer = entry.answer.toLowerCase();
    let score = 0;
    let all = true;
    for (const w of words) {
      const s = (title.includes(w) ? 6 : 0) + (keywords.includes(w) ? 4 : 0) + (answer.includes(w) ? 1 : 0);
      if (s === 0) all = false;
      score += s;
    }
    if (!all) continue;
    if (words.length === 0 && category && entry.categoryCode !== category) continue;
    if (category && entry.categoryCode === category) score += 2;
    scored.push({ entry, score });
  }
  return scored.sort((a, b) => b.score - a.score || b.entry.uses - a.entry.uses || a.entry.title.localeCompare(b.entry.title, "zh-CN")).map((s) => s.entry);
}
