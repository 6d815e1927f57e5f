// 地名库 bulk paste (#14 item 1): an admin pastes lines copied from a spreadsheet or a chat —
// "名称,辖区[,类型]", tab-separated or with full-width commas — sees each line marked ok or wrong,
// and saves the lot only when every line is ok. Pure, so the preview and the save agree.
import { PLACE_KIND_LABELS, PLACE_KINDS, type PlaceKind } from "./gazetteer";

/** More lines than this is a province, not a paste: split it. */
export const MAX_PASTE_LINES = 2000;
export const MAX_PLACE_NAME_CHARS = 30;

/** As stored and compared: trimmed, full-width letters and digits folded (ＧＸ１ → GX1). */
export function normalisePlaceName(name: string): string {
  return name.normalize("NFKC").trim();
}

/**
 * The kind a name most likely is, when a line gives none: Chinese road names end in 路, 街, 道,
 * 巷, 胡同, 桥 or 环 (大道, 高架, 隧道 too); schools, malls and estates do not.
 */
export function guessPlaceKind(name: string): PlaceKind {
  return /(路|街|道|巷|胡同|桥|环|高架|隧道|公路)$/.test(name) ? "ROAD" : "LANDMARK";
}

/** 道路 / 地标 as the page shows them, or the codes ROAD / LANDMARK; null if neither. */
export function parsePlaceKind(text: string): PlaceKind | null {
  const folded = text.normalize("NFKC").trim().toUpperCase();
  return PLACE_KINDS.find((kind) => kind === folded || PLACE_KIND_LABELS[kind] === folded) ?? null;
}

/** Names are unique: one name, one district. Said the same way by the form and the paste. */
export function placeTakenMessage(name: string, district: string): string {
  return `「${name}」已在地名库中（${district}）`;
}

export type PastedPlace = { name: string; district: string; kind: PlaceKind };
export type PasteLine = { line: number; text: string } & ({ ok: true; place: PastedPlace } | { ok: false; error: string });

const SEPARATOR = /[,，\t]/;

/**
 * Every non-blank line of a paste, numbered as the admin sees it, with its place or the reason it
 * cannot be saved: a missing name or district, an unknown district or kind, a name already in the
 * gazetteer (`existing`: name → district) or twice in the paste.
 */
export function parsePlaceLines(text: string, districts: readonly string[], existing: ReadonlyMap<string, string>): PasteLine[] {
  const seen = new Map<string, number>();
  const lines: PasteLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const textOfLine = raw.trim();
    if (!textOfLine) return;
    const at = { line: index + 1, text: textOfLine };
    const fail = (error: string) => lines.push({ ...at, ok: false, error });
    const [rawName = "", rawDistrict = "", rawKind = "", ...rest] = textOfLine.split(SEPARATOR).map((cell) => cell.trim());
    const name = normalisePlaceName(rawName);
    const district = rawDistrict.normalize("NFKC").trim();
    if (rest.some(Boolean)) return fail("多余的列：每行只写 名称,辖区[,类型]");
    if (!name) return fail("缺少名称");
    if (name.length > MAX_PLACE_NAME_CHARS) return fail(`名称不超过 ${MAX_PLACE_NAME_CHARS} 个字`);
    if (!district) return fail("缺少辖区");
    if (!districts.includes(district)) return fail(`辖区「${district}」不存在，可选：${districts.join("、")}`);
    const kind = rawKind ? parsePlaceKind(rawKind) : guessPlaceKind(name);
    if (!kind) return fail(`类型「${rawKind}」无效，应为 道路 或 地标`);
    const held = existing.get(name);
    if (held !== undefined) return fail(placeTakenMessage(name, held));
    const earlier = seen.get(name);
    if (earlier !== undefined) return fail(`「${name}」与第 ${earlier} 行重复`);
    seen.set(name, at.line);
    lines.push({ ...at, ok: true, place: { name, district, kind } });
  });
  return lines;
}
