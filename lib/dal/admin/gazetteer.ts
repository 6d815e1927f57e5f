import "server-only";
// 地名库 (#14 item 1): the roads and landmarks that place a complaint naming them but no district.
// Every change is validated, audited in its own transaction and reaches intake at once through
// invalidateReference().
import type { Actor } from "@/lib/auth/actor";
import { db, transaction, type Tx } from "@/lib/db";
import type { PlaceKind } from "@/lib/domain/gazetteer";
import { parsePlaceLines, placeTakenMessage, type PasteLine } from "@/lib/domain/gazetteer-paste";
import { Invalid, NotFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { invalidateReference } from "@/lib/dal/reference";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { parseOrThrow } from "@/lib/validation/errors";
import { placeNameSchema, placePasteSchema } from "@/lib/validation/admin";

export type PlaceRow = { id: string; name: string; district: string; kind: PlaceKind };
export type Gazetteer = {
  places: PlaceRow[];
  /** Every district in the admins' order, with how many places it has (0 included). */
  districts: { name: string; count: number }[];
};

export async function listPlaces(actor: Actor): Promise<Gazetteer> {
  requireAdmin(actor);
  const [districts, places] = await Promise.all([
    db.district.findMany({ orderBy: { sortOrder: "asc" }, select: { name: true, sortOrder: true } }),
    db.placeName.findMany({ select: { id: true, name: true, district: true, kind: true } }),
  ]);
  const order = new Map(districts.map((d, i) => [d.name, i]));
  const rows = places
    .map((p) => ({ ...p, kind: p.kind as PlaceKind }))
    .sort((a, b) => (order.get(a.district) ?? 0) - (order.get(b.district) ?? 0) || a.name.localeCompare(b.name, "zh-CN"));
  return {
    places: rows,
    districts: districts.map(({ name }) => ({ name, count: rows.filter((p) => p.district === name).length })),
  };
}

function snapshot(p: { name: string; district: string; kind: string }) {
  return { name: p.name, district: p.district, kind: p.kind };
}

/** The district exists and no other place has the name; else Invalid on the field at fault. */
async function checkPlace(tx: Tx, place: { name: string; district: string }, id: string | null): Promise<void> {
  if (!(await tx.district.findUnique({ where: { name: place.district }, select: { name: true } }))) {
    throw new Invalid([{ field: "district", message: `辖区「${place.district}」不存在` }]);
  }
  const twin = await tx.placeName.findUnique({ where: { name: place.name }, select: { id: true, district: true } });
  if (twin && twin.id !== id) throw new Invalid([{ field: "name", message: placeTakenMessage(place.name, twin.district) }]);
}

/** A concurrent save of the same name loses on the unique index; it reads like the check above. */
async function uniqueName<T>(name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const twin = await db.placeName.findUnique({ where: { name }, select: { district: true } });
    throw new Invalid([{ field: "name", message: placeTakenMessage(name, twin?.district ?? "其他辖区") }]);
  }
}

export async function createPlace(actor: Actor, raw: unknown): Promise<PlaceRow> {
  requireAdmin(actor);
  const input = parseOrThrow(placeNameSchema, raw);
  const row = await uniqueName(input.name, () =>
    transaction(async (tx) => {
      await checkPlace(tx, input, null);
      const created = await tx.placeName.create({ data: { id: newId(), ...input } });
      await writeAudit(tx, actor, { entity: "PlaceName", entityId: created.id, action: "CREATE", before: null, after: snapshot(created) });
      return created;
    }),
  );
  invalidateReference();
  return { id: row.id, name: row.name, district: row.district, kind: input.kind };
}

export async function updatePlace(actor: Actor, id: string, raw: unknown): Promise<PlaceRow> {
  requireAdmin(actor);
  const input = parseOrThrow(placeNameSchema, raw);
  await uniqueName(input.name, () =>
    transaction(async (tx) => {
      const existing = await tx.placeName.findUnique({ where: { id } });
      if (!existing) throw new NotFound("该地名不存在或已被删除");
      await checkPlace(tx, input, id);
      if (existing.name === input.name && existing.district === input.district && existing.kind === input.kind) return;
      await tx.placeName.update({ where: { id }, data: input });
      await writeAudit(tx, actor, { entity: "PlaceName", entityId: id, action: "UPDATE", before: snapshot(existing), after: snapshot(input) });
    }),
  );
  invalidateReference();
  return { id, ...input };
}

export async function deletePlace(actor: Actor, id: string): Promise<{ name: string }> {
  requireAdmin(actor);
  const removed = await transaction(async (tx) => {
    const existing = await tx.placeName.findUnique({ where: { id } });
    if (!existing) throw new NotFound("该地名不存在或已被删除");
    await tx.placeName.delete({ where: { id } });
    await writeAudit(tx, actor, { entity: "PlaceName", entityId: id, action: "DELETE", before: snapshot(existing), after: null });
    return existing;
  });
  invalidateReference();
  return { name: removed.name };
}

async function readPaste(tx: Pick<Tx, "district" | "placeName">, raw: unknown): Promise<PasteLine[]> {
  const { text } = parseOrThrow(placePasteSchema, raw);
  const [districts, places] = await Promise.all([
    tx.district.findMany({ orderBy: { sortOrder: "asc" }, select: { name: true } }),
    tx.placeName.findMany({ select: { name: true, district: true } }),
  ]);
  return parsePlaceLines(
    text,
    districts.map((d) => d.name),
    new Map(places.map((p) => [p.name, p.district])),
  );
}

/** 预览: each pasted line, ok or with its reason. Nothing is stored. */
export async function previewPlacePaste(actor: Actor, raw: unknown): Promise<PasteLine[]> {
  requireAdmin(actor);
  return readPaste(db, raw);
}

/**
 * 保存: all the pasted places or none. Read again inside the transaction, so a name added since
 * the preview turns its line into an error instead of half a batch.
 */
export async function savePlacePaste(actor: Actor, raw: unknown): Promise<{ added: number }> {
  requireAdmin(actor);
  const added = await transaction(
    async (tx) => {
      const lines = await readPaste(tx, raw);
      const wrong = lines.filter((l) => !l.ok);
      if (wrong.length) {
        throw new Invalid(
          wrong.map((l) => ({ field: "text", message: `第 ${l.line} 行：${l.ok ? "" : l.error}` })),
          `有 ${wrong.length} 行有误，未保存任何地名，请修改后重试`,
        );
      }
      for (const line of lines) {
        if (!line.ok) continue;
        const created = await tx.placeName.create({ data: { id: newId(), ...line.place } });
        await writeAudit(tx, actor, { entity: "PlaceName", entityId: created.id, action: "CREATE", before: null, after: snapshot(created) });
      }
      return lines.length;
    },
    { timeout: 60_000 },
  );
  invalidateReference();
  return { added };
}
