// 地名库 of the demo city (#14 item 1): the roads and landmarks the demo history names, each under
// its district, so that a complaint about 东昌路 with no district chosen is routed to 执勤一大队.
// Crossings are entered whole: "北环路与花园北路交叉口" is in 北城区 although 花园北路 is in 东城区,
// and the longest name found wins.
import type { PlaceKind } from "@/lib/domain/gazetteer";
import { PLACES } from "./history/texts";

/** Roads the history's place lists leave out but the city has (crossings name them). */
const MORE_ROADS: Record<string, readonly string[]> = {
  东城区: ["兴华路", "育才路"],
  西城区: ["柳园路"],
  南城区: [],
  北城区: [],
};

export function demoPlaceNames(): { name: string; district: string; kind: PlaceKind }[] {
  const entries = new Map<string, { name: string; district: string; kind: PlaceKind }>();
  for (const [district, kinds] of Object.entries(PLACES)) {
    for (const name of [...kinds.road, ...(MORE_ROADS[district] ?? [])]) entries.set(name, { name, district, kind: "ROAD" });
    for (const name of [...kinds.cross, ...kinds.school, ...kinds.venue, ...kinds.estate]) entries.set(name, { name, district, kind: "LANDMARK" });
  }
  return [...entries.values()];
}
