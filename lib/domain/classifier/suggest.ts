// Where the classifier would send a complaint (#14 items 1 and 4): the routing rules first — on the
// category and on the district the submitter chose or the words named — and only when no rule
// places it, the unit that handled such complaints before, as a suggestion for the dispatcher.
import { describeDistrictGuess, type DistrictGuess } from "@/lib/domain/gazetteer";
import { routeTicket, type RoutingRuleInput } from "@/lib/domain/routing";
import { formatConfidence } from "@/lib/format";
import type { Ranked } from "./model";

/**
 * `source`: "rule" when a rule matched on what the submitter gave; "model" when the unit depends
 * on what the classifier read (a district found in the words, or the unit model).
 */
export type UnitSuggestion = { unit: string; unitName: string; source: "rule" | "model"; confidence: number | null; reason: string };

/** Below this the unit model is guessing among several brigades; the dispatcher decides unaided. */
export const MIN_UNIT_CONFIDENCE = 0.4;

/** The unit model's best usable unit, when it is sure enough. `nameOf` is null for a unit that cannot own tickets. */
export function unitFromHistory(units: readonly Ranked[], nameOf: (code: string) => string | null): UnitSuggestion | null {
  for (const candidate of units) {
    const name = nameOf(candidate.code);
    if (!name) continue;
    if (candidate.confidence < MIN_UNIT_CONFIDENCE) return null;
    return {
      unit: candidate.code,
      unitName: name,
      source: "model",
      confidence: candidate.confidence,
      reason: `以往相近诉求多由${name}承办（置信度 ${formatConfidence(candidate.confidence)}）`,
    };
  }
  return null;
}

export function suggestUnit(args: {
  rules: readonly RoutingRuleInput[];
  category: string;
  district: DistrictGuess | null;
  place?: string | null;
  content?: string | null;
  units: readonly Ranked[];
  nameOf: (code: string) => string | null;
}): UnitSuggestion | null {
  const { district } = args;
  const decision = routeTicket(args.rules, { category: args.category, district: district?.name, place: args.place, content: args.content });
  if (decision.matched) {
    const name = args.nameOf(decision.unitCode);
    if (name) {
      const fromWords = !!district && district.source !== "given" && decision.rule.district !== null && decision.rule.district.trim() !== "";
      return {
        unit: decision.unitCode,
        unitName: name,
        source: fromWords ? "model" : "rule",
        confidence: null,
        reason: fromWords ? `${describeDistrictGuess(district)}；${decision.reason}` : decision.reason,
      };
    }
  }
  return unitFromHistory(args.units, args.nameOf);
}
