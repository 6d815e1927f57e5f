import "server-only";
import { db } from "@/lib/db";
import { WorkCalendar } from "@/lib/domain/calendar";
import { parseBoundary, type DistrictArea } from "@/lib/domain/district-areas";
import type { PlaceEntry } from "@/lib/domain/gazetteer";
import type { UnitNames } from "@/lib/domain/metric-labels";
import type { RoutingRuleInput } from "@/lib/domain/routing";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/domain/settings";
import type { TimeLimitPolicy } from "@/lib/domain/time-limits";

export type UnitRef = { id: string; code: string; name: string; kind: string; parentId: string | null; active: boolean };

/** The slowly-changing tables every intake and workflow step reads. */
export type Reference = {
  calendar: WorkCalendar;
  policies: TimeLimitPolicy[];
  rules: RoutingRuleInput[];
  districts: string[];
  /** The districts with a boundary, in the admins' order: a report's point is looked up in them. */
  districtAreas: DistrictArea[];
  /** 地名库: roads and landmarks with their district (#14). */
  places: PlaceEntry[];
  categories: { code: string; name: string; description: string; example: string }[];
  units: UnitRef[];
  unitByCode: Map<string, UnitRef>;
  unitById: Map<string, UnitRef>;
  settings: Settings;
};

// Cached so an intake costs no extra queries (STACK.md: every statement per request shows).
// Admin edits call invalidateReference(); the short lifetime covers edits from another process
// (the CLI).
const TTL_MS = 10_000;
let cached: { value: Promise<Reference>; loadedAt: number } | undefined;

export function invalidateReference(): void {
  cached = undefined;
}

export function reference(): Promise<Reference> {
  if (!cached || Date.now() - cached.loadedAt > TTL_MS) {
    const value = loadReference();
    cached = { value, loadedAt: Date.now() };
    value.catch(() => invalidateReference());
  }
  return cached.value;
}

async function loadReference(): Promise<Reference> {
  const [days, policies, rules, districts, categories, units, settings, places] = await Promise.all([
    db.calendarDay.findMany(),
    db.timeLimitPolicy.findMany(),
    db.routingRule.findMany({ include: { unit: { select: { code: true } } } }),
    db.district.findMany({ orderBy: { sortOrder: "asc" } }),
    db.category.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } }),
    db.unit.findMany({ orderBy: { sortOrder: "asc" } }),
    db.setting.findMany(),
    db.placeName.findMany({ select: { name: true, district: true } }),
  ]);
  const unitRefs = units.map(({ id, code, name, kind, parentId, active }) => ({ id, code, name, kind, parentId, active }));
  const stored = Object.fromEntries(settings.map((s) => [s.key, JSON.parse(s.value) as number]));
  return {
    calendar: new WorkCalendar(days),
    policies,
    rules: rules.map(({ unit, ...rule }) => ({ ...rule, unitCode: unit.code })),
    districts: districts.map((d) => d.name),
    districtAreas: districtAreasOf(districts),
    places,
    categories: categories.map(({ code, name, description, example }) => ({ code, name, description, example })),
    units: unitRefs,
    unitByCode: new Map(unitRefs.map((u) => [u.code, u])),
    unitById: new Map(unitRefs.map((u) => [u.id, u])),
    settings: { ...DEFAULT_SETTINGS, ...stored },
  };
}

/** Stored boundaries were validated on save; one that no longer parses is left out, not fatal. */
function districtAreasOf(districts: { name: string; boundary: string | null }[]): DistrictArea[] {
  return districts.flatMap(({ name, boundary }) => {
    const parsed = boundary ? parseBoundary(boundary) : null;
    return parsed?.ok ? [{ name, boundary: parsed.boundary }] : [];
  });
}

/** A unit that may own tickets: an active brigade (首问负责 — squadrons work for their brigade). */
export function canOwnTickets(unit: UnitRef | undefined): unit is UnitRef {
  return !!unit && unit.active && unit.kind === "BRIGADE";
}

/** The detachment's name (支队), for the titles of printed documents. */
export function detachmentName(ref: Reference): string {
  return ref.units.find((u) => u.kind === "DETACHMENT")?.name ?? "";
}

/** Unit code → name, for labelling breakdowns by unit (dashboard, reports). */
export function unitNamesOf(ref: Reference): UnitNames {
  return new Map(ref.units.map((u) => [u.code, u.name]));
}

/**
 * What the public intake forms offer: categories with examples, districts, and their boundaries
 * (public anyway; the citizen form shows which district a phone's location falls in).
 */
export async function intakeOptions() {
  const ref = await reference();
  return { categories: ref.categories, districts: ref.districts, districtAreas: ref.districtAreas };
}
