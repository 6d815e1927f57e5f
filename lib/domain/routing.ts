// 自动分派 (DOMAIN.md §5 "Routing"): admin-edited rules place a ticket with its owner unit at
// intake; the chosen rule and the reason are written on the ROUTED event, so the reason is a
// sentence a dispatcher can read. Pure: the DAL loads the rules and the unit codes.
import { CATEGORY_LABELS, type CategoryCode } from "./labels";

/** One 分派规则, as stored (RoutingRule) with the unit resolved to its code. Null = any. */
export type RoutingRuleInput = {
  id: string;
  name: string;
  categoryCode: string;
  subCategory: string | null;
  district: string | null;
  /** One or more alternatives separated by `|`, `,`, `，` or `、`, sought in place and content. */
  keyword: string | null;
  unitCode: string;
  priority: number;
  active: boolean;
};

/** What routing reads of a ticket; `category` is the category code. */
export type RoutingTicket = {
  category: string;
  subCategory?: string | null;
  district?: string | null;
  place?: string | null;
  content?: string | null;
};

export type RoutingDecision =
  | { matched: true; rule: RoutingRuleInput; unitCode: string; reason: string; candidates: number }
  | { matched: false; reason: string };

/**
 * Specificity weights, compared like CSS selectors: a keyword outweighs sub-category and district
 * together, and a sub-category outweighs a district. A keyword names a road or a place precisely
 * (a road on a district boundary is often assigned to one brigade), a sub-category narrows the
 * kind of problem, while a district names only an area that the broader rules already cover.
 */
const WEIGHT = { keyword: 4, subCategory: 2, district: 1 } as const;

const KEYWORD_SEPARATORS = /[|,，、]/;

/** Blank criteria saved by a form mean "any", like null. */
function criterion(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** NFKC folds full-width letters and digits (ＡＢＣ１２３) so matching is width- and case-blind. */
function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The keyword alternatives of a rule, trimmed, without empties. */
export function keywordAlternatives(keyword: string | null): string[] {
  if (!keyword) return [];
  return keyword
    .split(KEYWORD_SEPARATORS)
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

/** The rule's specificity score (higher = more specific); see WEIGHT for why. */
export function specificity(rule: Pick<RoutingRuleInput, "subCategory" | "district" | "keyword">): number {
  return (
    (keywordAlternatives(rule.keyword).length > 0 ? WEIGHT.keyword : 0) +
    (criterion(rule.subCategory) ? WEIGHT.subCategory : 0) +
    (criterion(rule.district) ? WEIGHT.district : 0)
  );
}

type KeywordHit = { keyword: string; field: "地点" | "内容" };

/** The first alternative found, preferring the place over the content (the place is precise). */
function findKeyword(alternatives: string[], ticket: RoutingTicket): KeywordHit | null {
  const place = fold(ticket.place ?? "");
  const content = fold(ticket.content ?? "");
  for (const keyword of alternatives) if (place.includes(fold(keyword))) return { keyword, field: "地点" };
  for (const keyword of alternatives) if (content.includes(fold(keyword))) return { keyword, field: "内容" };
  return null;
}

type Match = { rule: RoutingRuleInput; score: number; keywordHit: KeywordHit | null };

function matchRule(rule: RoutingRuleInput, ticket: RoutingTicket): Match | null {
  if (!rule.active || rule.categoryCode !== ticket.category) return null;
  const subCategory = criterion(rule.subCategory);
  if (subCategory && subCategory !== criterion(ticket.subCategory)) return null;
  const district = criterion(rule.district);
  if (district && district !== criterion(ticket.district)) return null;
  const alternatives = keywordAlternatives(rule.keyword);
  let keywordHit: KeywordHit | null = null;
  if (alternatives.length > 0) {
    keywordHit = findKeyword(alternatives, ticket);
    if (!keywordHit) return null;
  }
  return { rule, score: specificity(rule), keywordHit };
}

/** Most specific first, then higher priority, then name and id so the choice never depends on load order. */
function compareMatches(a: Match, b: Match): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.rule.priority !== b.rule.priority) return b.rule.priority - a.rule.priority;
  if (a.rule.name !== b.rule.name) return a.rule.name < b.rule.name ? -1 : 1;
  return a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0;
}

export function categoryName(code: string): string {
  return (CATEGORY_LABELS as Record<string, string>)[code as CategoryCode] ?? code;
}

function explain(match: Match, candidates: number): string {
  const { rule, keywordHit } = match;
  const parts = [`分类「${categoryName(rule.categoryCode)}」`];
  const subCategory = criterion(rule.subCategory);
  if (subCategory) parts.push(`子分类「${subCategory}」`);
  const district = criterion(rule.district);
  if (district) parts.push(`辖区「${district}」`);
  let reason = `规则「${rule.name}」：${parts.join("、")}匹配`;
  if (keywordHit) reason += `，关键词「${keywordHit.keyword}」出现在${keywordHit.field}中`;
  if (candidates > 1) reason += `（共 ${candidates} 条规则匹配，按具体程度和优先级选用此条）`;
  return reason;
}

/** Places a ticket with the most specific active rule, or explains why it goes to a dispatcher. */
export function routeTicket(rules: readonly RoutingRuleInput[], ticket: RoutingTicket): RoutingDecision {
  const matches = rules.map((rule) => matchRule(rule, ticket)).filter((m): m is Match => m !== null);
  matches.sort(compareMatches);
  const best = matches[0];
  if (!best) {
    const district = criterion(ticket.district) ?? "未填写";
    return {
      matched: false,
      reason: `没有匹配的分派规则（分类「${categoryName(ticket.category)}」、辖区「${district}」），转指挥中心人工派单`,
    };
  }
  return {
    matched: true,
    rule: best.rule,
    unitCode: best.rule.unitCode,
    reason: explain(best, matches.length),
    candidates: matches.length,
  };
}

/**
 * The longest of `names` found in `text`, or null: the longest wins so that a name containing
 * another (建设北路, 建设路) is not mistaken for it; among equally long names, the one mentioned
 * first. Width- and case-blind like the keyword rules.
 */
export function longestNameIn(text: string | null | undefined, names: readonly string[]): string | null {
  if (!text) return null;
  const haystack = fold(text);
  let best: { name: string; length: number; at: number } | null = null;
  for (const name of names) {
    const needle = fold(name.trim());
    if (!needle) continue;
    const at = haystack.indexOf(needle);
    if (at < 0) continue;
    if (!best || needle.length > best.length || (needle.length === best.length && at < best.at)) {
      best = { name, length: needle.length, at };
    }
  }
  return best?.name ?? null;
}

/** The district named in a free address (Open311 `address_string`), or null. */
export function findDistrictIn(text: string | null | undefined, districts: readonly string[]): string | null {
  return longestNameIn(text, districts);
}
