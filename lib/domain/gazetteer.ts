// 地名库 (#14 item 1): which district a complaint is in when the caller named a road or a place
// but chose no district. Admins keep the roads and landmarks of each district; a name written in
// the place field is trusted before one in the complaint's text, which may mention a road only to
// say where the caller came from.
import { findDistrictIn, longestNameIn } from "./routing";

export type PlaceEntry = { name: string; district: string };

export const PLACE_KINDS = ["ROAD", "LANDMARK"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const PLACE_KIND_LABELS: Record<PlaceKind, string> = { ROAD: "道路", LANDMARK: "地标" };

/**
 * Where the district came from: chosen by the submitter, found on the map (a point in a boundary),
 * a district named in the text, or a road or landmark of the gazetteer.
 */
export type DistrictSource = "given" | "map" | "text" | "gazetteer";
export type DistrictGuess = { name: string; source: DistrictSource; place?: string };

/** The district the words of a complaint name, directly or through the gazetteer; null if none. */
export function districtFromText(
  input: { place?: string | null; content?: string | null; title?: string | null },
  districts: readonly string[],
  places: readonly PlaceEntry[],
): DistrictGuess | null {
  for (const text of [input.place, [input.title, input.content].filter(Boolean).join("。")]) {
    const named = findDistrictIn(text, districts);
    if (named) return { name: named, source: "text" };
    const place = longestNameIn(text, places.map((p) => p.name));
    if (place) return { name: places.find((p) => p.name === place)!.district, source: "gazetteer", place };
  }
  return null;
}

/** The sentence a ROUTED event or a suggestion gives for a district found in the words. */
export function describeDistrictGuess(guess: DistrictGuess): string {
  if (guess.source === "gazetteer") return `地点「${guess.place}」属${guess.name}（地名库）`;
  if (guess.source === "text") return `诉求中写明${guess.name}`;
  return `辖区「${guess.name}」`;
}
