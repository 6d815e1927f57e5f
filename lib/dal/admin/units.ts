import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { db, type Tx, transaction } from "@/lib/db";
import { UNIT_KIND_LABELS } from "@/lib/domain/labels";
import { Invalid, NotFound, type FieldError } from "@/lib/errors";
import { invalidateReference } from "@/lib/dal/reference";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { parseOrThrow } from "@/lib/validation/errors";
import { createUnitSchema, ROLE_UNIT_KINDS, updateUnitSchema, type StaffRole } from "@/lib/validation/admin";
import type { z } from "@/lib/validation/zod";

type UnitKind = keyof typeof UNIT_KIND_LABELS;
type UnitFields = Omit<z.infer<typeof updateUnitSchema>, "code">;

export type UnitRow = {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  parentName: string | null;
  district: string | null;
  active: boolean;
  activeUsers: number;
  activeRules: number;
};

/** Tickets in these states still need their owner unit. */
const OPEN_STATUSES = ["DISPATCHED", "IN_PROGRESS", "REPLIED"] as const;

export async function listUnits(actor: Actor): Promise<UnitRow[]> {
  requireAdmin(actor);
  const units = await db.unit.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    include: {
      parent: { select: { code: true, name: true } },
      _count: { select: { users: { where: { active: true } }, routingRules: { where: { active: true } } } },
    },
  });
  return units.map((u) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentCode: u.parent?.code ?? null,
    parentName: u.parent?.name ?? null,
    district: u.district,
    active: u.active,
    activeUsers: u._count.users,
    activeRules: u._count.routingRules,
  }));
}

/**
 * The shape of the organisation (DOMAIN.md §2): one 支队 at the top, brigades and the 指挥中心
 * under it, squadrons under a brigade, external departments outside it. Returns the parent's id.
 */
async function checkPlacement(tx: Tx, input: UnitFields, selfId: string | null): Promise<string | null> {
  const errors: FieldError[] = [];
  let parentId: string | null = null;
  const needsNoParent = input.kind === "DETACHMENT" || input.kind === "EXTERNAL";
  if (needsNoParent && input.parentCode) {
    errors.push({ field: "parentCode", message: `${UNIT_KIND_LABELS[input.kind]}没有上级单位，请留空` });
  } else if (input.kind === "SQUADRON" && !input.parentCode) {
    errors.push({ field: "parentCode", message: "中队应隶属一个大队，请选择上级单位" });
  } else if (input.parentCode) {
    const parent = await tx.unit.findUnique({ where: { code: input.parentCode } });
    const wanted: UnitKind = input.kind === "SQUADRON" ? "BRIGADE" : "DETACHMENT";
    if (!parent) errors.push({ field: "parentCode", message: `上级单位「${input.parentCode}」不存在` });
    else if (parent.kind !== wanted) {
      errors.push({ field: "parentCode", message: `${UNIT_KIND_LABELS[input.kind]}的上级应为${UNIT_KIND_LABELS[wanted]}，「${parent.name}」是${UNIT_KIND_LABELS[parent.kind]}` });
    } else if (selfId && (await isSelfOrDescendant(tx, parent.id, selfId))) {
      errors.push({ field: "parentCode", message: "上级单位不能是本单位或其下级单位" });
    } else parentId = parent.id;
  }
  if (input.district && !(await tx.district.findUnique({ where: { name: input.district } }))) {
    const all = (await tx.district.findMany({ orderBy: { sortOrder: "asc" } })).map((d) => d.name);
    errors.push({ field: "district", message: `辖区「${input.district}」不存在，可选：${all.join("、")}，或留空` });
  }
  if (errors.length) throw new Invalid(errors);
  return parentId;
}

async function isSelfOrDescendant(tx: Tx, unitId: string, ancestorId: string): Promise<boolean> {
  for (let id: string | null = unitId, depth = 0; id && depth < 20; depth++) {
    if (id === ancestorId) return true;
    id = (await tx.unit.findUnique({ where: { id }, select: { parentId: true } }))?.parentId ?? null;
  }
  return false;
}

function snapshot(u: { code: string; name: string; kind: string; district: string | null; active: boolean }, parentCode: string | null) {
  return { code: u.code, name: u.name, kind: u.kind, parentCode, district: u.district, active: u.active };
}

export async function createUnit(actor: Actor, raw: unknown): Promise<{ id: string; code: string }> {
  requireAdmin(actor);
  const input = parseOrThrow(createUnitSchema, raw);
  const created = await transaction(async (tx) => {
    if (await tx.unit.findUnique({ where: { code: input.code }, select: { id: true } })) {
      throw new Invalid([{ field: "code", message: `单位代码「${input.code}」已存在` }]);
    }
    const parentId = await checkPlacement(tx, input, null);
    const last = await tx.unit.aggregate({ _max: { sortOrder: true } });
    const row = await tx.unit.create({
      data: { code: input.code, name: input.name, kind: input.kind, parentId, district: input.district, active: input.active, sortOrder: (last._max.sortOrder ?? 0) + 1 },
    });
    await writeAudit(tx, actor, { entity: "Unit", entityId: row.id, action: "CREATE", before: null, after: snapshot(row, input.parentCode) });
    return { id: row.id, code: row.code };
  });
  invalidateReference();
  return created;
}

/**
 * What still depends on a unit that is about to change kind or be deactivated: its people,
 * the routing rules that send it tickets, its squadrons and its open tickets. Each blocks with
 * a reason that says what to do first.
 */
async function checkDependants(tx: Tx, unit: { id: string; name: string; kind: UnitKind; active: boolean }, next: UnitFields): Promise<void> {
  const errors: FieldError[] = [];
  const users = await tx.user.findMany({ where: { unitId: unit.id, active: true, role: { not: "CITIZEN" } }, select: { role: true } });
  const rules = await tx.routingRule.count({ where: { unitId: unit.id, active: true } });
  const children = await tx.unit.count({ where: { parentId: unit.id, active: true } });
  if (unit.active && !next.active) {
    const openTickets = await tx.ticket.count({ where: { ownerUnitId: unit.id, status: { in: [...OPEN_STATUSES] } } });
    const blockers = [
      users.length ? `${users.length} 名在用人员（请先调出或停用）` : null,
      rules ? `${rules} 条启用的分派规则（请先改派或停用）` : null,
      children ? `${children} 个在用下级单位` : null,
      openTickets ? `${openTickets} 件未办结工单` : null,
    ].filter(Boolean);
    if (blockers.length) errors.push({ field: "active", message: `「${unit.name}」还有${blockers.join("、")}，暂不能停用` });
  }
  if (unit.kind !== next.kind) {
    const misfits = [...new Set(users.map((u) => u.role as StaffRole))].filter((role) => ROLE_UNIT_KINDS[role] && !ROLE_UNIT_KINDS[role].includes(next.kind));
    if (misfits.length) {
      errors.push({ field: "kind", message: `该单位有${misfits.map((r) => ROLE_LABELS[r]).join("、")}，改为${UNIT_KIND_LABELS[next.kind]}后与其角色不符；请先调整这些人员` });
    }
    if (rules && next.kind !== "BRIGADE") {
      errors.push({ field: "kind", message: `有 ${rules} 条启用的分派规则指向该单位，只有大队可以承办工单；请先改派这些规则` });
    }
    if (children && unit.kind === "BRIGADE") {
      errors.push({ field: "kind", message: "该大队下还有中队，不能改变类别" });
    }
  }
  if (errors.length) throw new Invalid(errors);
}

/** Edits a unit. Its code is fixed once created: tickets, rules, imports and integrations use it. */
export async function updateUnit(actor: Actor, id: string, raw: unknown): Promise<{ id: string; code: string }> {
  requireAdmin(actor);
  const input = parseOrThrow(updateUnitSchema, raw);
  const updated = await transaction(async (tx) => {
    const existing = await tx.unit.findUnique({ where: { id }, include: { parent: { select: { code: true } } } });
    if (!existing) throw new NotFound("该单位不存在");
    if (input.code && input.code !== existing.code) {
      throw new Invalid([
        {
          field: "code",
          message: `单位代码创建后不能修改：工单、分派规则、导入文件和对接系统都以代码「${existing.code}」识别该单位。如需新代码，请新建单位并停用此单位`,
        },
      ]);
    }
    const parentId = await checkPlacement(tx, input, id);
    await checkDependants(tx, existing, input);
    const row = await tx.unit.update({
      where: { id },
      data: { name: input.name, kind: input.kind, parentId, district: input.district, active: input.active },
    });
    const action = existing.active !== row.active ? (row.active ? "REACTIVATE" : "DEACTIVATE") : "UPDATE";
    await writeAudit(tx, actor, {
      entity: "Unit",
      entityId: id,
      action,
      before: snapshot(existing, existing.parent?.code ?? null),
      after: snapshot(row, input.parentCode),
    });
    return { id, code: row.code };
  });
  invalidateReference();
  return updated;
}
