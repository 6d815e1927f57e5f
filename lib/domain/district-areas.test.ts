import { describe, expect, it } from "vitest";
import { chooseDistrict, containsPoint, describeBoundary, districtAt, formatCoordinate, parseBoundary, type Boundary, type Position } from "./district-areas";

/** A closed axis-aligned rectangle ring, counter-clockwise. */
function box(west: number, south: number, east: number, north: number): Position[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

const square: Boundary = { type: "Polygon", coordinates: [box(0, 0, 10, 10)] };
const withHole: Boundary = { type: "Polygon", coordinates: [box(0, 0, 10, 10), box(4, 4, 6, 6)] };
const twoIslands: Boundary = { type: "MultiPolygon", coordinates: [[box(0, 0, 1, 1)], [box(5, 5, 6, 6)]] };
const at = (lng: number, lat: number) => ({ lat, lng });

describe("containsPoint", () => {
  it("finds points inside and outside a polygon", () => {
    expect(containsPoint(square, at(5, 5))).toBe(true);
    expect(containsPoint(square, at(11, 5))).toBe(false);
    expect(containsPoint(square, at(5, -0.01))).toBe(false);
  });

  it("counts edges and vertices as inside", () => {
    expect(containsPoint(square, at(0, 5))).toBe(true);
    expect(containsPoint(square, at(10, 10))).toBe(true);
    expect(containsPoint(square, at(5, 0))).toBe(true);
  });

  it("excludes a hole but keeps the hole's edge", () => {
    expect(containsPoint(withHole, at(5, 5))).toBe(false);
    expect(containsPoint(withHole, at(2, 5))).toBe(true);
    expect(containsPoint(withHole, at(4, 5))).toBe(true);
  });

  it("handles concave polygons and a ray through a vertex", () => {
    // A "U": the notch between x 3–7 above y 4 is outside.
    const u: Boundary = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [7, 10],
          [7, 4],
          [3, 4],
          [3, 10],
          [0, 10],
          [0, 0],
        ],
      ],
    };
    expect(containsPoint(u, at(5, 6))).toBe(false);
    expect(containsPoint(u, at(5, 2))).toBe(true);
    expect(containsPoint(u, at(1, 4))).toBe(true); // the ray at y 4 passes through two vertices
    expect(containsPoint(u, at(8, 8))).toBe(true);
    // A diamond: the ray at the height of its side vertices.
    const diamond: Boundary = { type: "Polygon", coordinates: [[[5, 0], [10, 5], [5, 10], [0, 5], [5, 0]]] };
    expect(containsPoint(diamond, at(5, 5))).toBe(true);
    expect(containsPoint(diamond, at(-1, 5))).toBe(false);
  });

  it("looks in every polygon of a MultiPolygon", () => {
    expect(containsPoint(twoIslands, at(0.5, 0.5))).toBe(true);
    expect(containsPoint(twoIslands, at(5.5, 5.5))).toBe(true);
    expect(containsPoint(twoIslands, at(3, 3))).toBe(false);
  });
});

describe("districtAt", () => {
  const areas = [
    { name: "西城区", boundary: { type: "Polygon", coordinates: [box(116.28, 39.87, 116.38, 39.96)] } as Boundary },
    { name: "东城区", boundary: { type: "Polygon", coordinates: [box(116.38, 39.87, 116.46, 39.96)] } as Boundary },
  ];

  it("names the district holding the point, the first one on a shared edge, or none", () => {
    expect(districtAt(areas, { lat: 39.91, lng: 116.4 })).toBe("东城区");
    expect(districtAt(areas, { lat: 39.9, lng: 116.3 })).toBe("西城区");
    expect(districtAt(areas, { lat: 39.9, lng: 116.38 })).toBe("西城区");
    expect(districtAt(areas, { lat: 31.23, lng: 121.47 })).toBeNull();
  });

  it("routes by the point only when no district was given, and says why", () => {
    expect(chooseDistrict(areas, undefined, { lat: 39.91, lng: 116.4 })).toEqual({ district: "东城区", note: "按定位（39.91, 116.40）落在东城区辖区" });
    expect(chooseDistrict(areas, "西城区", { lat: 39.91, lng: 116.4 })).toEqual({ district: "西城区", note: null });
    expect(chooseDistrict(areas, undefined, {})).toEqual({ district: undefined, note: null });
    expect(chooseDistrict(areas, undefined, { lat: 30, lng: 120 })).toEqual({ district: undefined, note: "定位（30.00, 120.00）不在任何辖区边界内" });
  });

  it("formats coordinates with two to six decimals", () => {
    expect(formatCoordinate(116.4)).toBe("116.40");
    expect(formatCoordinate(39.9123456789)).toBe("39.912346");
  });
});

describe("parseBoundary", () => {
  const polygon = { type: "Polygon", coordinates: [box(116.38, 39.87, 116.46, 39.96)] };

  it("accepts a Polygon, a MultiPolygon, a Feature and a FeatureCollection", () => {
    expect(parseBoundary(JSON.stringify(polygon))).toEqual({ ok: true, boundary: polygon });
    expect(parseBoundary(JSON.stringify({ type: "Feature", properties: {}, geometry: polygon }))).toEqual({ ok: true, boundary: polygon });
    const multi = { type: "MultiPolygon", coordinates: [[box(0, 0, 1, 1)], [box(5, 5, 6, 6)]] };
    expect(parseBoundary(JSON.stringify(multi))).toEqual({ ok: true, boundary: multi });
    const collection = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", geometry: { type: "Polygon", coordinates: [box(0, 0, 1, 1)] } },
        { type: "Feature", geometry: { type: "Polygon", coordinates: [box(5, 5, 6, 6)] } },
      ],
    };
    expect(parseBoundary(JSON.stringify(collection))).toEqual({ ok: true, boundary: multi });
  });

  it("refuses what is not a polygon, with a Chinese reason", () => {
    expect(parseBoundary("{oops")).toEqual({ ok: false, errors: [expect.stringContaining("不是有效的 JSON")] });
    expect(parseBoundary(JSON.stringify({ type: "Point", coordinates: [116.4, 39.9] }))).toEqual({
      ok: false,
      errors: ["边界的类型「Point」不受支持：辖区边界应为 Polygon 或 MultiPolygon"],
    });
    expect(parseBoundary("[]")).toEqual({ ok: false, errors: [expect.stringContaining("GeoJSON 对象")] });
  });

  it("refuses open, short, degenerate and out-of-range rings, saying where", () => {
    const open = { type: "Polygon", coordinates: [box(0, 0, 1, 1).slice(0, 4)] };
    expect(parseBoundary(JSON.stringify(open))).toEqual({ ok: false, errors: ["边界外环未闭合：最后一个坐标应与第一个坐标 [0, 0] 相同"] });
    const short = { type: "Polygon", coordinates: [[[0, 0], [1, 1], [0, 0]]] };
    expect(parseBoundary(JSON.stringify(short)).ok).toBe(false);
    const flat = { type: "Polygon", coordinates: [[[0, 0], [1, 1], [1, 1], [0, 0]]] };
    expect(parseBoundary(JSON.stringify(flat))).toEqual({ ok: false, errors: ["边界外环至少需要 3 个不同的顶点"] });
    const swapped = { type: "Polygon", coordinates: [box(39.87, 116.38, 39.96, 116.46)] };
    expect(parseBoundary(JSON.stringify(swapped))).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^边界外环第 1 个坐标 \[39.87, 116.38\] 超出范围.*是否写反了/)],
    });
    const badHole = { type: "MultiPolygon", coordinates: [[box(0, 0, 1, 1)], [box(5, 5, 6, 6), [[5.2, 5.2], ["x", 5.4]]]] };
    expect(parseBoundary(JSON.stringify(badHole))).toEqual({ ok: false, errors: ["边界第 2 个多边形的第 1 个内环至少需要 4 个坐标点（三角形加上回到起点的一点）"] });
  });
});

describe("describeBoundary", () => {
  it("counts polygons, holes and vertices", () => {
    expect(describeBoundary(square)).toBe("1 个多边形，4 个顶点");
    expect(describeBoundary(withHole)).toBe("1 个多边形（含 1 个洞），8 个顶点");
    expect(describeBoundary(twoIslands)).toBe("2 个多边形，8 个顶点");
  });
});
