import { describe, expect, it } from "vitest";
import { districtAt, parseBoundary, type DistrictArea } from "@/lib/domain/district-areas";
import { DISTRICT_BOUNDARIES, DISTRICTS } from "./organisation";

const areas: DistrictArea[] = DISTRICTS.map((name) => {
  const parsed = parseBoundary(JSON.stringify(DISTRICT_BOUNDARIES[name]));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.errors.join("; ")}`);
  return { name, boundary: parsed.boundary };
});

describe("demo district boundaries", () => {
  it("are valid and place the demo coordinates in their districts", () => {
    expect(areas).toHaveLength(4);
    expect(districtAt(areas, { lat: 39.91, lng: 116.4 })).toBe("东城区");
    expect(districtAt(areas, { lat: 39.9, lng: 116.3 })).toBe("西城区");
    expect(districtAt(areas, { lat: 39.83, lng: 116.38 })).toBe("南城区");
    expect(districtAt(areas, { lat: 39.99, lng: 116.38 })).toBe("北城区");
    expect(districtAt(areas, { lat: 31.23, lng: 121.47 })).toBeNull();
  });

  it("never overlap: away from shared edges, every point of a grid over the demo area lies in exactly one district", () => {
    for (let lat = 39.801; lat < 40.03; lat += 0.0037) {
      for (let lng = 116.281; lng < 116.47; lng += 0.0041) {
        const holders = areas.filter((a) => districtAt([a], { lat, lng }));
        expect(holders.length, `${lat}, ${lng}`).toBe(1);
      }
    }
  });
});
