// The features of a complaint's text for the classifier (#14): character n-grams, because Chinese
// has no spaces and no segmenter dictionary may be downloaded at run time (the item 5).
// Bigrams and trigrams carry the words (违停, 信号灯, 认定书); single characters catch what a
// caller abbreviates (堵, 灯). Each feature keeps where it came from, so the classifier can point
// at the words that weighed most in the caller's own text.

/** The fields of a complaint the classifier reads. */
export type ComplaintText = { title?: string | null; content?: string | null; place?: string | null };

/** One n-gram and where it first occurs in the folded text. */
export type Feature = { gram: string; start: number };

const MAX_N = 3;

/** Letters, digits and CJK ideographs; everything else (punctuation, spaces, emoji) splits the text. */
const RUN = /[\p{Script=Han}\p{L}\p{N}]+/gu;
const DIGITS = /\p{N}+/gu;

/**
 * The text as the classifier sees it: NFKC folds full-width forms (ＡＢＣ１２３), case is ignored,
 * and every run of digits becomes one "0" — a house number, a plate or a time says nothing about
 * the category, only that there was a number.
 */
export function foldText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(DIGITS, "0");
}

/**
 * The site's place names (the 地名库's roads and landmarks, the districts) as one pattern, longest
 * first. The category model reads the text with them blanked out: where a complaint is says
 * nothing about what it is about, and a small site's history would otherwise teach that
 * "花园北路" means 交通组织 because its few 花园北路 tickets happened to be. The unit model and the
 * similar tickets read the names: there the place is the point.
 */
export type PlaceMask = RegExp | null;

export function placeMask(names: readonly string[]): PlaceMask {
  const folded = [...new Set(names.map((n) => foldText(n.trim())).filter((n) => Array.from(n).length >= 2))];
  if (folded.length === 0) return null;
  folded.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return new RegExp(folded.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
}

/** The three fields as one text, in the order the hotline writes them. */
export function joinedText(input: ComplaintText): string {
  return [input.title, input.content, input.place].filter((part): part is string => !!part && part.trim() !== "").join("。");
}

/**
 * The distinct n-grams (n = 1…3) of each run of letters and ideographs, with the first place each
 * occurs in `text` (the folded text, place names blanked when a mask is given). Counting presence rather than frequency keeps a caller who
 * repeats a word from outweighing what the complaint is about.
 */
export function featuresOf(input: ComplaintText, mask: PlaceMask = null): { text: string; features: Feature[] } {
  const folded = foldText(joinedText(input));
  // Blanked with spaces of the same length, so offsets still point into the caller's words.
  const text = mask ? folded.replace(mask, (name) => " ".repeat(name.length)) : folded;
  const seen = new Set<string>();
  const features: Feature[] = [];
  for (const run of text.matchAll(RUN)) {
    const chars = Array.from(run[0]);
    // Offsets in UTF-16 units, so that slices of `text` give back the characters.
    const offsets: number[] = [];
    let at = run.index;
    for (const ch of chars) {
      offsets.push(at);
      at += ch.length;
    }
    offsets.push(at);
    for (let i = 0; i < chars.length; i++) {
      for (let n = 1; n <= MAX_N && i + n <= chars.length; n++) {
        const gram = chars.slice(i, i + n).join("");
        if (seen.has(gram)) continue;
        seen.add(gram);
        features.push({ gram, start: offsets[i]! });
      }
    }
  }
  return { text, features };
}

/** Only the grams, for training and for similarity, where positions do not matter. */
export function gramsOf(input: ComplaintText, mask: PlaceMask = null): string[] {
  return featuresOf(input, mask).features.map((f) => f.gram);
}
