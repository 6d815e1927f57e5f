import "server-only";
// 智能分类 where the words arrive (#14 items 1, 2, 4, 6): the full answer for dispatchers,
// managers and admins (POST /api/v1/classify, the agent console), the category hint of the public
// form (no past tickets, no units: a citizen sees only what their own words suggest), and the unit
// suggested for a ticket that lands in PENDING.
import { isApiClient, type Caller } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { categoriesOf, judgeText, unitsOf, type Ranked, type Reason } from "@/lib/domain/classifier/model";
import { suggestUnit, unitFromHistory, type UnitSuggestion } from "@/lib/domain/classifier/suggest";
import { districtFromText, type DistrictGuess } from "@/lib/domain/gazetteer";
import { categoryName } from "@/lib/domain/routing";
import { Forbidden, Invalid } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { canOwnTickets, reference, type Reference } from "@/lib/dal/reference";
import { classifyInputSchema, type ClassifyInput } from "@/lib/validation/classify-input";
import { parseOrThrow } from "@/lib/validation/errors";
import { activeModel } from "./models";

export type RankedCategory = Ranked & { name: string };

export type Classification = {
  category: RankedCategory;
  alternatives: RankedCategory[];
  district: DistrictGuess | null;
  unit: { code: string; name: string; source: "rule" | "model"; confidence: number | null; reason: string } | null;
  reasons: Reason[];
  similar: { no: string; title: string; category: string; categoryName: string; unit: string | null; unitName: string | null }[];
  model: { version: number };
};

/** A unit that may own tickets (an active brigade), by its name; null otherwise. */
export function ownerNameOf(ref: Reference): (code: string) => string | null {
  return (code) => {
    const unit = ref.unitByCode.get(code);
    return canOwnTickets(unit) ? unit.name : null;
  };
}

const rounded = (r: Ranked): RankedCategory => ({ code: r.code, name: categoryName(r.code), confidence: Math.round(r.confidence * 1000) / 1000 });

/** The whole answer; authorised in here, since every caller (route, action) is a public endpoint. */
export async function classifyComplaint(caller: Caller | null, raw: unknown): Promise<Classification> {
  if (!caller || isApiClient(caller) || !can(caller.role, "ticket:classify")) {
    throw new Forbidden("只有指挥中心坐席、支队领导和系统管理员可以使用智能分类");
  }
  const input = parseOrThrow(classifyInputSchema, raw);
  const ref = await reference();
  if (input.district && !ref.districts.includes(input.district)) {
    throw new Invalid([{ field: "district", message: `辖区「${input.district}」不存在，可选：${ref.districts.join("、")}` }]);
  }
  return classifyWith(ref, input);
}

async function classifyWith(ref: Reference, input: ClassifyInput): Promise<Classification> {
  const { version, model } = await activeModel();
  const judgement = judgeText(model, input);
  const [best, ...rest] = judgement.categories.map(rounded);
  const district: DistrictGuess | null = input.district ? { name: input.district, source: "given" } : districtFromText(input, ref.districts, ref.places);
  const nameOf = ownerNameOf(ref);
  const unit = suggestUnit({ rules: ref.rules, category: best!.code, district, place: input.place, content: input.content, units: judgement.units, nameOf });
  const unitName = (code: string | null) => (code ? (ref.unitByCode.get(code)?.name ?? code) : null);
  return {
    category: best!,
    alternatives: rest,
    district,
    unit: unit && { code: unit.unit, name: unit.unitName, source: unit.source, confidence: unit.confidence, reason: unit.reason },
    reasons: judgement.reasons,
    similar: judgement.similar.map((s) => ({ ...s, categoryName: categoryName(s.category), unitName: unitName(s.unit) })),
    model: { version },
  };
}

export type CategoryHint = { category: RankedCategory; alternatives: RankedCategory[]; reasons: Reason[] };

/** The public form's hint: categories and the caller's own words only. */
export async function suggestCategory(raw: unknown): Promise<CategoryHint> {
  const input = parseOrThrow(classifyInputSchema, raw);
  const { model } = await activeModel();
  const judgement = categoriesOf(model, input);
  const [best, ...rest] = judgement.categories.map(rounded);
  return { category: best!, alternatives: rest, reasons: judgement.reasons };
}

/**
 * The unit to suggest for a ticket no rule placed (#14 item 4), from what units handled such words
 * before. Never fails an intake: a model that cannot be loaded only means no suggestion.
 */
export async function pendingSuggestion(ref: Reference, input: { title: string; content: string; place?: string | null }): Promise<UnitSuggestion | null> {
  try {
    const { model } = await activeModel();
    return unitFromHistory(unitsOf(model, input), ownerNameOf(ref));
  } catch (error) {
    logger.warn({ err: error }, "classifier unavailable; ticket left without a suggested unit");
    return null;
  }
}
