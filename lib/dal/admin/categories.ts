import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, transaction } from "@/lib/db";
import { Invalid, NotFound } from "@/lib/errors";
import { invalidateReference } from "@/lib/dal/reference";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { parseOrThrow } from "@/lib/validation/errors";
import { subCategorySchema, updateCategorySchema } from "@/lib/validation/admin";

export type CategoryRow = {
  code: string;
  name: string;
  description: string;
  example: string;
  active: boolean;
  activeRules: number;
  subCategories: { id: string; name: string; active: boolean }[];
};

export async function listCategories(actor: Actor): Promise<CategoryRow[]> {
  requireAdmin(actor);
  const categories = await db.category.findMany({
    orderBy: { sortOrder: "asc" },
    include: {
      subCategories: { orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, active: true } },
      _count: { select: { routingRules: { where: { active: true } } } },
    },
  });
  return categories.map((c) => ({
    code: c.code,
    name: c.name,
    description: c.description,
    example: c.example,
    active: c.active,
    activeRules: c._count.routingRules,
    subCategories: c.subCategories,
  }));
}

function snapshot(c: { code: string; name: string; description: string; example: string; active: boolean }) {
  return { code: c.code, name: c.name, description: c.description, example: c.example, active: c.active };
}

/**
 * Edits the wording shown to citizens and staff. The code is fixed: it is the Open311 service
 * code integrations post with. A deactivated category disappears from the intake forms and
 * services.json; its tickets and rules stay.
 */
export async function updateCategory(actor: Actor, code: string, raw: unknown): Promise<{ code: string }> {
  requireAdmin(actor);
  const input = parseOrThrow(updateCategorySchema, raw);
  await transaction(async (tx) => {
    const existing = await tx.category.findUnique({ where: { code } });
    if (!existing) throw new NotFound(`诉求分类「${code}」不存在`);
    if (input.code && input.code !== existing.code) {
      throw new Invalid([
        { field: "code", message: `分类代码「${existing.code}」是 Open311 服务代码，对接系统按它提交诉求，创建后不能修改` },
      ]);
    }
    const row = await tx.category.update({
      where: { code },
      data: { name: input.name, description: input.description, example: input.example, active: input.active },
    });
    const action = existing.active !== row.active ? (row.active ? "REACTIVATE" : "DEACTIVATE") : "UPDATE";
    await writeAudit(tx, actor, { entity: "Category", entityId: code, action, before: snapshot(existing), after: snapshot(row) });
  });
  invalidateReference();
  return { code };
}

/** Adds a sub-category. Its name is its code (tickets and rules store it), so it is never renamed. */
export async function addSubCategory(actor: Actor, categoryCode: string, raw: unknown): Promise<{ id: string; name: string }> {
  requireAdmin(actor);
  const { name } = parseOrThrow(subCategorySchema, raw);
  const created = await transaction(async (tx) => {
    const category = await tx.category.findUnique({ where: { code: categoryCode } });
    if (!category) throw new NotFound(`诉求分类「${categoryCode}」不存在`);
    const twin = await tx.subCategory.findUnique({ where: { categoryCode_name: { categoryCode, name } } });
    if (twin) {
      throw new Invalid([
        { field: "name", message: twin.active ? `「${category.name}」已有子分类「${name}」` : `子分类「${name}」已存在但已停用，请直接启用它` },
      ]);
    }
    const last = await tx.subCategory.aggregate({ where: { categoryCode }, _max: { sortOrder: true } });
    const row = await tx.subCategory.create({ data: { categoryCode, name, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
    await writeAudit(tx, actor, { entity: "SubCategory", entityId: row.id, action: "CREATE", before: null, after: { categoryCode, name, active: true } });
    return { id: row.id, name };
  });
  invalidateReference();
  return created;
}

export async function setSubCategoryActive(actor: Actor, id: string, active: boolean): Promise<{ id: string; active: boolean }> {
  requireAdmin(actor);
  await transaction(async (tx) => {
    const existing = await tx.subCategory.findUnique({ where: { id } });
    if (!existing) throw new NotFound("该子分类不存在");
    if (existing.active === active) return;
    if (!active) {
      const rules = await tx.routingRule.count({ where: { categoryCode: existing.categoryCode, subCategory: existing.name, active: true } });
      if (rules) {
        throw new Invalid([{ field: "active", message: `有 ${rules} 条启用的分派规则按子分类「${existing.name}」分派，请先修改或停用这些规则` }]);
      }
    }
    await tx.subCategory.update({ where: { id }, data: { active } });
    const { categoryCode, name } = existing;
    await writeAudit(tx, actor, {
      entity: "SubCategory",
      entityId: id,
      action: active ? "REACTIVATE" : "DEACTIVATE",
      before: { categoryCode, name, active: existing.active },
      after: { categoryCode, name, active },
    });
  });
  invalidateReference();
  return { id, active };
}
