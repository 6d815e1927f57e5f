// Demo history, planning: who called, about what, and how it ended.
import type { CategoryCode, Channel, TicketType } from "@/lib/domain/labels";
import { addLocalDays, localDateOf, localMidnight } from "@/lib/domain/local-time";
import { prng } from "../prng";
import { daysOfMonth, dayWeight, receipts, timeOn } from "./calendar";
import { DAY, HOUR, type Outcome, type Source, type UnitCode } from "./common";
import type { HotIssueGuard } from "./hot-issue-guard";
import { CLUSTERS, DISTRICT_OF, type Profile, PROFILES, YEAR_2022 } from "./profiles";
import { allocate, between, clamp, pick, pickWeighted, type Rng, shuffle } from "./random";
import { DISTRICT_NAMES, type PlaceKind, PLACES, type Sample, SAMPLES, SURNAMES, type Text } from "./texts";

/**
 * Returns and reopens only on tickets received longer ago than this: their longer lives (a
 * reopen can take a month) then end before now, and only one-round tickets need cutting there.
 */
const SETTLED = 60 * DAY;

export type Plan = {
  unit: UnitCode;
  receivedAt: number;
  category: CategoryCode;
  channel: Channel;
  text: Text;
  citizen: { name: string; phone: string };
  /** The final evaluation. */
  outcome: Outcome;
  resolved: boolean;
  source: Source;
  /** 不满意 in round 1, reopened once (重办), evaluated again. */
  reopened: boolean;
  returnedFrom: UnitCode | null;
  late: { sign: boolean; contact: boolean; close: boolean };
  /** A planted hot-issue ticket: its reply names the place. */
  clusterReply?: string;
};

function placeText(rng: Rng, kind: PlaceKind, district: string, numbered: boolean): string {
  const name = pick(rng, PLACES[district]![kind === "street" ? "road" : kind]);
  // Callers often give a house number on a road; it also keeps ordinary tickets apart.
  return kind === "road" && (numbered || rng() < 0.75) ? `${name}${1 + Math.floor(rng() * 300)}号附近` : name;
}

/** 表扬 is a small share of the hotline's calls. */
function sampleWeight(sample: Sample): number {
  return sample.types.includes("PRAISE") ? 0.25 : 1;
}

/** Samples about a stretch of road or about no place: with a house number, never crowded. */
function spreadSamples(category: CategoryCode): readonly Sample[] {
  return SAMPLES[category].filter((s) => s.place === "road" || s.place === null);
}

function drawText(rng: Rng, category: CategoryCode, unitDistrict: string | null, spread = false): Text {
  const sample = pickWeighted(rng, (spread ? spreadSamples(category) : SAMPLES[category]).map((s) => [s, sampleWeight(s)] as const));
  // 事故 happen anywhere: the caller names the district of the crash; 车管 has none.
  const district = unitDistrict ?? (category === "ACCIDENT" ? pick(rng, DISTRICT_NAMES) : null);
  let place: string | null = null;
  if (sample.place && typeof sample.place === "object") place = sample.place.fixed;
  else if (sample.place && district) place = placeText(rng, sample.place, district, spread);
  const content = sample.content.replaceAll("{place}", place ?? "");
  return { sample, type: pick(rng, sample.types), title: sample.title, content, district, place };
}

/** A text whose place + category does not make an accidental hot issue. */
function chooseText(rng: Rng, guard: HotIssueGuard, category: CategoryCode, district: string | null, at: number): Text {
  let text = drawText(rng, category, district);
  for (let attempt = 0; attempt < 8 && guard.crowded(category, text.place, at); attempt++) {
    text = drawText(rng, category, district);
  }
  // Busy months use up the named places (schools, malls, estates): fall back to a house number.
  while (guard.crowded(category, text.place, at)) text = drawText(rng, category, district, true);
  guard.add(category, text.place, at);
  return text;
}

function citizen(rng: Rng): { name: string; phone: string } {
  const name = `${pick(rng, SURNAMES)}${rng() < 0.55 ? "先生" : "女士"}`;
  const phone = `1${pick(rng, ["3", "5", "7", "8", "9"])}${String(Math.floor(rng() * 1e9)).padStart(9, "0")}`;
  return { name, phone };
}

type Rates = { satisfaction: number; basicShare: number; resolution: number; none: number };

/** Draws one ticket's final evaluation from a unit-month's rates. */
function drawOutcome(rng: Rng, rates: Rates): { outcome: Outcome; resolved: boolean } {
  if (rng() < rates.none) return { outcome: "NONE", resolved: false };
  if (rng() >= rates.satisfaction) return { outcome: "UNSATISFIED", resolved: rng() < rates.resolution - 0.35 };
  // Satisfied callers were almost always helped; keeps 解决率 near the unit's rate overall.
  const resolved = rng() < Math.min(0.998, rates.resolution + 0.02);
  return { outcome: rng() < rates.basicShare ? "BASIC" : "SATISFIED", resolved };
}

function drawLate(rng: Rng, late: Profile["late"]): Plan["late"] {
  return { sign: rng() < late.sign, contact: rng() < late.contact, close: rng() < late.close };
}

/** 30 % of final 不满意 were reopened once; a few satisfied ones got there through a reopen. */
function drawReopen(rng: Rng, outcome: Outcome, type: TicketType): boolean {
  if (type === "PRAISE") return false;
  if (outcome === "UNSATISFIED") return rng() < 0.3;
  if (outcome === "SATISFIED" || outcome === "BASIC") return rng() < 0.01;
  return false;
}

export function plan2022(guard: HotIssueGuard): Plan[] {
  const rng = prng(20220101);
  const profile = PROFILES[0]!; // ZQ1
  const days: string[] = [];
  for (let m = 1; m <= 12; m++) days.push(...daysOfMonth(2022, m));
  const weights = days.map((d) => dayWeight(d) * profile.seasonal[Number(d.slice(5, 7)) - 1]! * between(rng, 0.6, 1.4));
  const counts = allocate(YEAR_2022.total, weights);
  const times = days.flatMap((date, i) => Array.from({ length: counts[i]! }, () => timeOn(rng, date))).sort((a, b) => a - b);

  const tickets = times.map((receivedAt) => {
    const category = pickWeighted(rng, profile.categories);
    return { receivedAt, category, text: chooseText(rng, guard, category, "东城区", receivedAt) };
  });
  // The year's exact evaluation mix, every answered one resolved: 表扬 callers get 满意, the
  // others the rest of the mix at random.
  const praised = tickets.filter((t) => t.text.type === "PRAISE").length;
  const rest = shuffle(rng, [
    ...Array<Outcome>(YEAR_2022.satisfied - praised).fill("SATISFIED"),
    ...Array<Outcome>(YEAR_2022.basic).fill("BASIC"),
    ...Array<Outcome>(YEAR_2022.unsatisfied).fill("UNSATISFIED"),
    ...Array<Outcome>(YEAR_2022.none).fill("NONE"),
  ]);
  return tickets.map(({ receivedAt, category, text }) => {
    const outcome: Outcome = text.type === "PRAISE" ? "SATISFIED" : rest.pop()!;
    return {
      unit: "ZQ1",
      receivedAt,
      category,
      channel: pickWeighted(rng, [["HOTLINE_12345", 0.5], ["PHONE_12123", 0.35], ["WEB", 0.08], ["WECHAT", 0.07]] as const),
      text,
      citizen: citizen(rng),
      outcome,
      resolved: outcome !== "NONE",
      source: rng() < 0.7 ? "CALLBACK" : "LINK",
      reopened: drawReopen(rng, outcome, text.type),
      returnedFrom: null,
      late: drawLate(rng, { sign: 0.025, contact: 0.03, close: 0.04 }),
    } satisfies Plan;
  });
}

/** Months from January 2024 through the month of `lastDay`, each with its days up to `lastDay`. */
function recentMonths(lastDay: string): { year: number; month: number; days: string[]; full: number }[] {
  const months = [];
  for (let year = 2024, month = 1; `${year}-${String(month).padStart(2, "0")}` <= lastDay.slice(0, 7); ) {
    const all = daysOfMonth(year, month);
    months.push({ year, month, days: all.filter((d) => d <= lastDay), full: all.length });
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

function monthRates(rng: Rng, profile: Profile): Rates {
  return {
    satisfaction: clamp(profile.satisfaction + between(rng, -0.025, 0.025), 0.83, 0.975),
    basicShare: profile.basicShare,
    resolution: clamp(profile.resolution + between(rng, -0.02, 0.02), 0.88, 0.995),
    none: between(rng, 0.02, 0.04),
  };
}

export function planRecent(guard: HotIssueGuard, now: number): Plan[] {
  const lastDay = addLocalDays(localDateOf(new Date(now)), -1);
  const plans: Plan[] = [];
  for (const [index, profile] of PROFILES.entries()) {
    const rng = prng(20240101 + index * 7919);
    for (const { year, month, days, full } of recentMonths(lastDay)) {
      const growth = 1 + 0.04 * (year - 2024);
      const volume = profile.monthly * profile.seasonal[month - 1]! * growth * between(rng, 0.92, 1.08);
      const total = Math.round((volume * days.length) / full);
      const rates = monthRates(rng, profile);
      for (const receivedAt of receipts(rng, days, total)) plans.push(planTicket(rng, guard, profile, rates, receivedAt, now));
    }
  }
  return plans;
}

function planTicket(rng: Rng, guard: HotIssueGuard, profile: Profile, rates: Rates, receivedAt: number, now: number): Plan {
  const category = pickWeighted(rng, profile.categories);
  const drawn = drawOutcome(rng, rates);
  const settled = now - receivedAt > SETTLED;
  const returnedFrom = settled && profile.returnedFrom && rng() < 0.015 ? profile.returnedFrom : null;
  const text = chooseText(rng, guard, category, profile.district, receivedAt);
  // Someone calling to praise an officer is satisfied with the answer.
  const { outcome, resolved } = text.type === "PRAISE" ? { outcome: "SATISFIED" as const, resolved: true } : drawn;
  // 退单: the caller named the neighbouring district, so routing sent it there; the place is ours.
  if (returnedFrom) text.district = DISTRICT_OF[returnedFrom];
  return {
    unit: profile.unit,
    receivedAt,
    category,
    channel: pickWeighted(rng, profile.channels),
    text,
    citizen: citizen(rng),
    outcome,
    resolved,
    source: rng() < 0.7 ? "CALLBACK" : "LINK",
    reopened: settled && drawReopen(rng, outcome, text.type),
    returnedFrom,
    late: drawLate(rng, profile.late),
  };
}

export function planClusters(guard: HotIssueGuard, now: number): Plan[] {
  const rng = prng(20260101);
  const today = localDateOf(new Date(now));
  return CLUSTERS.flatMap((cluster) => {
    const profile = PROFILES.find((p) => p.unit === cluster.unit)!;
    return cluster.daysAgo.map((ago, i) => {
      const receivedAt = localMidnight(addLocalDays(today, -ago)).getTime() + between(rng, 7.5, 20) * HOUR;
      const [title, content] = cluster.texts[i % cluster.texts.length]!;
      const place = cluster.places[i % cluster.places.length]!;
      const sample = SAMPLES[cluster.category].find((s) => s.place !== null)!;
      guard.add(cluster.category, place, receivedAt);
      return {
        unit: cluster.unit,
        receivedAt,
        category: cluster.category,
        channel: pickWeighted(rng, profile.channels),
        text: { sample, type: cluster.type, title, content, district: profile.district, place },
        citizen: citizen(rng),
        ...drawOutcome(rng, monthRates(rng, profile)),
        source: rng() < 0.7 ? "CALLBACK" : "LINK",
        reopened: false,
        returnedFrom: null,
        late: { sign: false, contact: false, close: false },
        clusterReply: cluster.reply,
      } satisfies Plan;
    });
  });
}
