import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, transaction } from "@/lib/db";
import { describeBoundary, parseBoundary } from "@/lib/domain/district-areas";
import { NotFound } from "@/lib/errors";
import { invalidateReference } from "@/lib/dal/reference";
import { requireAdmin, writeAudit } from "@/lib/dal/admin/audit";
import { parseOrThrow } from "@/lib/validation/errors";
import { districtBoundarySchema } from "@/lib/validation/admin";

export type DistrictRow = {
  name: string;
  /** The stored GeoJSON, for editing; null = no boundary. */
  boundary: string | null;
  /** "1 个多边形，6 个顶点", or null. */
  summary: string | null;
};

function summaryOf(boundary: string | null): string | null {
  const parsed = boundary ? parseBoundary(boundary) : null;
  return parsed?.ok ? describeBoundary(parsed.boundary) : null;
}

export async function listDistricts(actor: Actor): Promise<DistrictRow[]> {
  requireAdmin(actor);
  const rows = await db.district.findMany({ orderBy: { sortOrder: "asc" } });
  return rows.map(({ name, boundary }) => ({ name, boundary, summary: summaryOf(boundary) }));
}

/** The summary says what changed at a glance; the GeoJSON keeps the audit log complete. */
function snapshot(name: string, boundary: string | null) {
  return { name, boundary: summaryOf(boundary), geojson: boundary };
}

/**
 * Sets (or, blank, removes) a district's boundary. Validated before anything is written: rings
 * closed, positions [lng, lat] in range, Polygon or MultiPolygon; stored normalised, so a
 * pasted Feature or FeatureCollection is kept as its geometry.
 */
export async function updateDistrictBoundary(actor: Actor, name: string, raw: unknown): Promise<{ name: string; summary: string | null }> {
  requireAdmin(actor);
  const { boundary } = parseOrThrow(districtBoundarySchema, raw);
  const text = boundary ? JSON.stringify(boundary) : null;
  await transaction(async (tx) => {
    const existing = await tx.district.findUnique({ where: { name } });
    if (!existing) throw new NotFound(`辖区「${name}」不存在`);
    if (existing.boundary === text) return;
    await tx.district.update({ where: { name }, data: { boundary: text } });
    await writeAudit(tx, actor, { entity: "District", entityId: name, action: "UPDATE", before: snapshot(name, existing.boundary), after: snapshot(name, text) });
  });
  invalidateReference();
  return { name, summary: summaryOf(text) };
}
