// 辖区边界 (issue 12 item 5): a district's boundary is a GeoJSON Polygon or MultiPolygon, and a
// report with a map point but no district is placed in the district whose boundary holds the
// point. FixMyStreet and phones send a point, rarely a district. Pure: the DAL stores the text.
//
// Point-in-polygon is the even-odd ray test (a few lines, no dependency): districts are small
// enough that the plane approximation of [lng, lat] is exact for our purpose, and the admins'
// polygons never cross the antimeridian or a pole.

/** A GeoJSON position: [longitude, latitude] (RFC 7946 order). */
export type Position = [number, number];
/** Outer ring first, then holes; each ring closed (first position = last). */
export type PolygonCoordinates = Position[][];
export type Boundary = { type: "Polygon"; coordinates: PolygonCoordinates } | { type: "MultiPolygon"; coordinates: PolygonCoordinates[] };
export type DistrictArea = { name: string; boundary: Boundary };
export type Point = { lat: number; lng: number };

export type BoundaryResult = { ok: true; boundary: Boundary } | { ok: false; errors: string[] };

/** Enough for a city district drawn by hand or exported from a GIS, small enough to keep in memory. */
export const MAX_BOUNDARY_POSITIONS = 20_000;
const MAX_ERRORS = 5;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The geometries in what an admin pastes: a geometry, a Feature, or a FeatureCollection (geojson.io exports those). */
function geometriesOf(value: unknown, errors: string[]): unknown[] {
  if (!isObject(value)) {
    errors.push("边界应为 GeoJSON 对象（Polygon 或 MultiPolygon）");
    return [];
  }
  if (value.type === "Feature") return [value.geometry];
  if (value.type === "FeatureCollection") {
    if (!Array.isArray(value.features) || value.features.length === 0) {
      errors.push("FeatureCollection 中没有要素");
      return [];
    }
    return value.features.map((f) => (isObject(f) ? f.geometry : f));
  }
  return [value];
}

function checkRing(ring: unknown, where: string, errors: string[]): Position[] | null {
  if (!Array.isArray(ring) || ring.length < 4) {
    errors.push(`${where}至少需要 4 个坐标点（三角形加上回到起点的一点）`);
    return null;
  }
  const positions: Position[] = [];
  for (const [i, p] of ring.entries()) {
    if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === "number" && Number.isFinite(n))) {
      errors.push(`${where}第 ${i + 1} 个坐标应为 [经度, 纬度] 数字数组`);
      return null;
    }
    const [lng, lat] = p as [number, number];
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
      const hint = lat >= -180 && lat <= 180 && lng >= -90 && lng <= 90 ? "（GeoJSON 的顺序是 [经度, 纬度]，是否写反了？）" : "";
      errors.push(`${where}第 ${i + 1} 个坐标 [${lng}, ${lat}] 超出范围：经度应在 -180 到 180 之间，纬度应在 -90 到 90 之间${hint}`);
      return null;
    }
    positions.push([lng, lat]);
  }
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    errors.push(`${where}未闭合：最后一个坐标应与第一个坐标 [${first[0]}, ${first[1]}] 相同`);
    return null;
  }
  if (new Set(positions.slice(1).map((p) => `${p[0]},${p[1]}`)).size < 3) {
    errors.push(`${where}至少需要 3 个不同的顶点`);
    return null;
  }
  return positions;
}

function checkPolygon(rings: unknown, where: string, errors: string[]): PolygonCoordinates | null {
  if (!Array.isArray(rings) || rings.length === 0) {
    errors.push(`${where}应为坐标环的数组（外环在前，内环为洞）`);
    return null;
  }
  const checked = rings.map((ring, i) => checkRing(ring, `${where}${i === 0 ? "外环" : `第 ${i} 个内环`}`, errors));
  return checked.every((r): r is Position[] => r !== null) ? checked : null;
}

/** Polygon or MultiPolygon coordinates → polygons, with errors naming where each problem is. */
function polygonsOf(geometry: unknown, where: string, errors: string[]): PolygonCoordinates[] {
  if (!isObject(geometry) || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) {
    const type = isObject(geometry) && typeof geometry.type === "string" ? `「${geometry.type}」` : "";
    errors.push(`${where}的类型${type}不受支持：辖区边界应为 Polygon 或 MultiPolygon`);
    return [];
  }
  const list = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(list) || list.length === 0) {
    errors.push(`${where}没有坐标（coordinates）`);
    return [];
  }
  const single = geometry.type === "Polygon";
  return list
    .map((rings, i) => checkPolygon(rings, single ? where : `${where}第 ${i + 1} 个多边形的`, errors))
    .filter((p): p is PolygonCoordinates => p !== null);
}

/**
 * Validates a boundary as an admin pastes it (GeoJSON text) and normalises it to one Polygon or
 * MultiPolygon geometry (a Feature's or FeatureCollection's polygons are merged). Errors are
 * Chinese and say where the problem is, so it can be fixed in the editor it came from.
 */
export function parseBoundary(text: string): BoundaryResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, errors: ["边界不是有效的 JSON，请粘贴 GeoJSON（例如从 geojson.io 导出的内容）"] };
  }
  const errors: string[] = [];
  const geometries = geometriesOf(value, errors);
  const polygons = geometries.flatMap((g, i) => polygonsOf(g, geometries.length > 1 ? `第 ${i + 1} 个要素` : "边界", errors));
  const positions = polygons.flat(2).length;
  if (positions > MAX_BOUNDARY_POSITIONS) errors.push(`边界共 ${positions} 个坐标点，超过上限 ${MAX_BOUNDARY_POSITIONS}，请简化后再保存`);
  if (errors.length) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  const boundary: Boundary = polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0]! } : { type: "MultiPolygon", coordinates: polygons };
  return { ok: true, boundary };
}

/** Whether the point lies on the segment a–b (within floating-point noise). */
function onSegment(x: number, y: number, [ax, ay]: Position, [bx, by]: Position): boolean {
  const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  if (Math.abs(cross) > 1e-12) return false;
  return x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by);
}

type RingSide = "inside" | "outside" | "edge";

function ringSide(x: number, y: number, ring: Position[]): RingSide {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (onSegment(x, y, a, b)) return "edge";
    // Half-open in y, so a vertex exactly at the ray's height is counted once.
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside ? "inside" : "outside";
}

/**
 * A point on a district's edge belongs to it (a road on the line between two districts is
 * routed, not left pending; districtAt picks the first district in order). A hole's edge
 * belongs to the district too, its inside does not.
 */
function inPolygon(x: number, y: number, [outer = [], ...holes]: PolygonCoordinates): boolean {
  const side = ringSide(x, y, outer);
  if (side !== "inside") return side === "edge";
  return holes.every((hole) => ringSide(x, y, hole) !== "inside");
}

export function containsPoint(boundary: Boundary, { lat, lng }: Point): boolean {
  const polygons = boundary.type === "Polygon" ? [boundary.coordinates] : boundary.coordinates;
  return polygons.some((polygon) => inPolygon(lng, lat, polygon));
}

/** The first district (in the admins' order) whose boundary holds the point, or null. */
export function districtAt(areas: readonly DistrictArea[], point: Point): string | null {
  return areas.find((area) => containsPoint(area.boundary, point))?.name ?? null;
}

/** 39.91 → "39.91", 116.4 → "116.40", 39.9123456 → "39.912346": readable, as precise as a phone gives. */
export function formatCoordinate(n: number): string {
  const decimals = Math.min(6, Math.max(2, (String(n).split(".")[1] ?? "").length));
  return n.toFixed(decimals);
}

export type DistrictChoice = {
  district: string | undefined;
  /** A sentence for the routing event when the point decided (or failed to decide) the district. */
  note: string | null;
};

/**
 * The district a report is routed by: one given (chosen on a form, `attribute[district]`, named in
 * the address) always wins, because the citizen or the integration said so; otherwise the
 * district whose boundary holds the point.
 */
export function chooseDistrict(areas: readonly DistrictArea[], given: string | undefined, point: Partial<Point>): DistrictChoice {
  if (given || point.lat === undefined || point.lng === undefined) return { district: given, note: null };
  const where = `（${formatCoordinate(point.lat)}, ${formatCoordinate(point.lng)}）`;
  const found = districtAt(areas, { lat: point.lat, lng: point.lng });
  return found
    ? { district: found, note: `按定位${where}落在${found}辖区` }
    : { district: undefined, note: `定位${where}不在任何辖区边界内` };
}

/** A boundary in a few words, for the admin list and the audit log: "1 个多边形，6 个顶点". */
export function describeBoundary(boundary: Boundary): string {
  const polygons = boundary.type === "Polygon" ? [boundary.coordinates] : boundary.coordinates;
  const holes = polygons.reduce((n, rings) => n + rings.length - 1, 0);
  // A closed ring repeats its first position; count each vertex once.
  const vertices = polygons.flat().reduce((n, ring) => n + ring.length - 1, 0);
  return `${polygons.length} 个多边形${holes ? `（含 ${holes} 个洞）` : ""}，${vertices} 个顶点`;
}
