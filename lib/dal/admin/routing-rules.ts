import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Db, type Tx, transaction } from "@/lib/db";
import { UNIT_KIND_LABELS } from "@/lib/domain/labels";
import { keywordAlternatives, routeTicket, specificity, type RoutingDecision, type RoutingRuleInput } from "@/lib/domain/routing";
import { Invalid, NotFound, type FieldError } from "@/lib/errors";
import { invalidateReference, reference } from "@/lib/dal/reference";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { parseOrThrow } from "@/lib/validation/errors";
import { routingRuleSchema, routingSampleSchema } from "@/lib/validation/admin";
import type { z } from "@/lib/validation/zod";

type RuleInput = z.infer<typeof routingRuleSchema>;

export type RoutingRuleRow = {
  id: string;
  name: string;
  categoryCode: string;
  categoryName: string;
  subCategory: string | null;
  district: string | null;
  keyword: string | null;
  unitCode: string;
  unitName: string;
  priority: number;
  active: boolean;
  specificity: number;
  updatedAt: Date;
};

/** Every rule, grouped by category; within one, in the order routing would try them. */
export async function listRoutingRules(actor: Actor): Promise<RoutingRuleRow[]> {
  requireAdmin(actor);
  const rules = await db.routingRule.findMany({
    include: { unit: { select: { code: true, name: true } }, category: { select: { name: true, sortOrder: true } } },
  });
  return rules
    .map((r) => ({ ...r, score: specificity(r), categorySort: r.category.sortOrder }))
    .sort(
      (a, b) =>
        a.categorySort - b.categorySort ||
        Number(b.active) - Number(a.active) ||
        b.score - a.score ||
        b.priority - a.priority ||
        a.name.localeCompare(b.name, "zh-CN"),
    )
    .map((r) => ({
      id: r.id,
      name: r.name,
      categoryCode: r.categoryCode,
      categoryName: r.category.name,
      subCategory: r.subCategory,
      district: r.district,
      keyword: r.keyword,
      unitCode: r.unit.code,
      unitName: r.unit.name,
      priority: r.priority,
      active: r.active,
      specificity: r.score,
      updatedAt: r.updatedAt,
    }));
}

type CheckedRule = RuleInput & { name: string; unitId: string };

/**
 * The database half of validation: the category, sub-category and district exist, and the unit
 * is an active brigade — the only kind that owns tickets (squadrons get them from their brigade;
 * external departments only assist). Collects every problem before refusing.
 */
async function checkRule(client: Tx | Db, input: RuleInput): Promise<CheckedRule> {
  const errors: FieldError[] = [];
  // One after another: queries inside an interactive transaction share one connection.
  const category = await client.category.findUnique({
    where: { code: input.categoryCode },
    include: { subCategories: { where: { active: true } } },
  });
  const unit = await client.unit.findUnique({ where: { code: input.unitCode } });
  const district = input.district ? await client.district.findUnique({ where: { name: input.district } }) : null;
  if (!category) errors.push({ field: "categoryCode", message: `诉求分类「${input.categoryCode}」不存在` });
  if (category && input.subCategory && !category.subCategories.some((s) => s.name === input.subCategory)) {
    const names = category.subCategories.map((s) => s.name);
    errors.push({
      field: "subCategory",
      message: names.length
        ? `子分类「${input.subCategory}」不属于「${category.name}」，可选：${names.join("、")}`
        : `「${category.name}」没有子分类，请留空`,
    });
  }
  if (input.district && !district) {
    const all = (await client.district.findMany({ orderBy: { sortOrder: "asc" } })).map((d) => d.name);
    errors.push({ field: "district", message: `辖区「${input.district}」不存在，可选：${all.join("、")}，或留空表示不限` });
  }
  if (!unit) {
    errors.push({ field: "unitCode", message: `承办单位「${input.unitCode}」不存在` });
  } else if (unit.kind !== "BRIGADE") {
    errors.push({
      field: "unitCode",
      message: `「${unit.name}」是${UNIT_KIND_LABELS[unit.kind]}，不能承办工单：分派规则只能指向大队（中队的工单经所属大队分派，外部门只能协办）`,
    });
  } else if (!unit.active) {
    errors.push({ field: "unitCode", message: `「${unit.name}」已停用，不能作为承办单位` });
  }
  if (errors.length || !category || !unit) throw new Invalid(errors);
  return { ...input, name: input.name ?? defaultRuleName(category.name, input, unit.code), unitId: unit.id };
}

/** Same naming as the seeded rules: "交通组织 · 东城区 → ZQ1". */
function defaultRuleName(categoryName: string, input: RuleInput, unitCode: string): string {
  const parts = [categoryName, input.subCategory, input.district, input.keyword ? `「${input.keyword}」` : null].filter(Boolean);
  return `${parts.join(" · ")} → ${unitCode}`;
}

/** Two active rules with the same criteria and priority could only be told apart by name. */
async function refuseTwin(tx: Tx | Db, rule: CheckedRule, exceptId: string | null): Promise<void> {
  if (!rule.active) return;
  const same = (a: string | null, b: string | null) => (a ?? "") === (b ?? "");
  const siblings = await tx.routingRule.findMany({ where: { categoryCode: rule.categoryCode, active: true, priority: rule.priority } });
  const twin = siblings.find(
    (s) =>
      s.id !== exceptId &&
      same(s.subCategory, rule.subCategory) &&
      same(s.district, rule.district) &&
      keywordAlternatives(s.keyword).join("|") === keywordAlternatives(rule.keyword).join("|"),
  );
  if (twin) {
    throw new Invalid([
      { field: "priority", message: `已有条件完全相同、优先级也相同的规则「${twin.name}」；请调整优先级，或修改、停用那条规则` },
    ]);
  }
}

function snapshot(rule: { name: string; categoryCode: string; subCategory: string | null; district: string | null; keyword: string | null; priority: number; active: boolean }, unitCode: string) {
  const { name, categoryCode, subCategory, district, keyword, priority, active } = rule;
  return { name, categoryCode, subCategory, district, keyword, unitCode, priority, active };
}

function ruleData(rule: CheckedRule) {
  const { name, categoryCode, subCategory, district, keyword, unitId, priority, active } = rule;
  return { name, categoryCode, subCategory, district, keyword, unitId, priority, active };
}

export async function createRoutingRule(actor: Actor, raw: unknown): Promise<{ id: string; name: string }> {
  requireAdmin(actor);
  const input = parseOrThrow(routingRuleSchema, raw);
  const created = await transaction(async (tx) => {
    const rule = await checkRule(tx, input);
    await refuseTwin(tx, rule, null);
    const row = await tx.routingRule.create({ data: ruleData(rule) });
    await writeAudit(tx, actor, { entity: "RoutingRule", entityId: row.id, action: "CREATE", before: null, after: snapshot(row, rule.unitCode) });
    return { id: row.id, name: row.name };
  });
  invalidateReference();
  return created;
}

export async function updateRoutingRule(actor: Actor, id: string, raw: unknown): Promise<{ id: string; name: string }> {
  requireAdmin(actor);
  const input = parseOrThrow(routingRuleSchema, raw);
  const updated = await transaction(async (tx) => {
    const existing = await tx.routingRule.findUnique({ where: { id }, include: { unit: { select: { code: true } } } });
    if (!existing) throw new NotFound("该分派规则不存在");
    const rule = await checkRule(tx, input);
    await refuseTwin(tx, rule, id);
    const row = await tx.routingRule.update({ where: { id }, data: ruleData(rule) });
    await writeAudit(tx, actor, {
      entity: "RoutingRule",
      entityId: id,
      action: "UPDATE",
      before: snapshot(existing, existing.unit.code),
      after: snapshot(row, rule.unitCode),
    });
    return { id, name: row.name };
  });
  invalidateReference();
  return updated;
}

/** 停用 / 启用. Rules are never deleted: ROUTED events name them. */
export async function setRoutingRuleActive(actor: Actor, id: string, active: boolean): Promise<{ id: string; active: boolean }> {
  requireAdmin(actor);
  await transaction(async (tx) => {
    const existing = await tx.routingRule.findUnique({ where: { id }, include: { unit: { select: { code: true, name: true, kind: true, active: true } } } });
    if (!existing) throw new NotFound("该分派规则不存在");
    if (existing.active === active) return;
    if (active) {
      // Reactivating is saving the rule again: the unit and the criteria must still be valid.
      const { unit, ...rest } = existing;
      await checkRule(tx, { ...rest, unitCode: unit.code, active: true });
      await refuseTwin(tx, { ...rest, unitCode: unit.code, unitId: existing.unitId, active: true }, id);
    }
    const row = await tx.routingRule.update({ where: { id }, data: { active } });
    await writeAudit(tx, actor, {
      entity: "RoutingRule",
      entityId: id,
      action: active ? "REACTIVATE" : "DEACTIVATE",
      before: snapshot(existing, existing.unit.code),
      after: snapshot(row, existing.unit.code),
    });
  });
  invalidateReference();
  return { id, active };
}

export type RoutingPreviewDecision = {
  matched: boolean;
  unitCode: string | null;
  unitName: string | null;
  ruleName: string | null;
  /** The draft rule is the one that decided. */
  byDraft: boolean;
  reason: string;
};
export type RoutingPreview = { withDraft: RoutingPreviewDecision; current: RoutingPreviewDecision; changed: boolean; draftName: string };

/** Sample fields are reported as `sample.<field>` so the form can tell them from the rule's. */
function parseSample(raw: unknown) {
  try {
    return parseOrThrow(routingSampleSchema, raw);
  } catch (error) {
    if (error instanceof Invalid) throw new Invalid(error.errors.map((e) => ({ ...e, field: `sample.${e.field}` })));
    throw error;
  }
}

/**
 * "Which unit would this ticket go to, and why": routes a sample ticket with the active rules
 * plus the draft (replacing the saved version of the rule being edited), and with the rules as
 * saved, so the admin sees what the draft changes. Writes nothing.
 */
export async function previewRouting(
  actor: Actor,
  input: { draft: unknown; sample: unknown; editingId?: string | null },
): Promise<RoutingPreview> {
  requireAdmin(actor);
  const draftErrors: FieldError[] = [];
  let draftInput: RuleInput | null = null;
  try {
    draftInput = parseOrThrow(routingRuleSchema, input.draft);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    draftErrors.push(...error.errors);
  }
  let sample: ReturnType<typeof parseSample> | null = null;
  try {
    sample = parseSample(input.sample);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    draftErrors.push(...error.errors);
  }
  if (draftErrors.length || !draftInput || !sample) throw new Invalid(draftErrors);

  const editingId = input.editingId || null;
  if (editingId && !(await db.routingRule.findUnique({ where: { id: editingId }, select: { id: true } }))) {
    throw new NotFound("正在编辑的分派规则不存在");
  }
  // The same checks as saving, so a draft that previews fine also saves.
  const checked = await checkRule(db, draftInput);
  await refuseTwin(db, checked, editingId);
  const ref = await reference();
  const draftRule: RoutingRuleInput = {
    id: editingId ?? "draft",
    name: checked.name,
    categoryCode: checked.categoryCode,
    subCategory: checked.subCategory,
    district: checked.district,
    keyword: checked.keyword,
    unitCode: checked.unitCode,
    priority: checked.priority,
    active: checked.active,
  };
  const ticket = { category: sample.categoryCode, subCategory: sample.subCategory, district: sample.district, place: sample.place, content: sample.content };
  const describe = (decision: RoutingDecision, draftId: string | null): RoutingPreviewDecision =>
    decision.matched
      ? {
          matched: true,
          unitCode: decision.unitCode,
          unitName: ref.unitByCode.get(decision.unitCode)?.name ?? null,
          ruleName: decision.rule.name,
          byDraft: decision.rule.id === draftId,
          reason: decision.reason,
        }
      : { matched: false, unitCode: null, unitName: null, ruleName: null, byDraft: false, reason: decision.reason };

  const withDraft = describe(routeTicket([...ref.rules.filter((r) => r.id !== editingId), draftRule], ticket), draftRule.id);
  const current = describe(routeTicket(ref.rules, ticket), null);
  return { withDraft, current, changed: withDraft.unitCode !== current.unitCode, draftName: checked.name };
}
