// Demo history, calendar of calls: how many calls each day gets, and at what hours.
import { addLocalDays, dayOfWeek, localMidnight } from "@/lib/domain/local-time";
import { HOUR } from "./common";
import { HOURS, SPRING_FESTIVAL } from "./profiles";
import { allocate, between, pickWeighted, type Rng } from "./random";

/** Relative call volume of a local day: weekends a little quieter, 春节 much, 国庆 busier. */
export function dayWeight(date: string): number {
  const [year, monthDay] = [date.slice(0, 4), date.slice(5)];
  const festival = SPRING_FESTIVAL[year];
  if (festival && date >= festival[0] && date <= festival[1]) return 0.45;
  if (monthDay >= "10-01" && monthDay <= "10-07") return 1.35;
  if (monthDay >= "05-01" && monthDay <= "05-05") return 1.2;
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6 ? 0.85 : 1;
}

export function daysOfMonth(year: number, month: number): string[] {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const days: string[] = [];
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addLocalDays(d, 1)) days.push(d);
  return days;
}

/** A receipt instant on `date`, at an hour drawn from the hotline's daily curve. */
export function timeOn(rng: Rng, date: string): number {
  const hour = pickWeighted(rng, HOURS);
  return localMidnight(date).getTime() + hour * HOUR + Math.floor(rng() * HOUR);
}

/** `total` receipt instants over `days`, following dayWeight with some day-to-day noise. */
export function receipts(rng: Rng, days: readonly string[], total: number): number[] {
  const counts = allocate(total, days.map((d) => dayWeight(d) * between(rng, 0.6, 1.4)));
  return days.flatMap((date, i) => Array.from({ length: counts[i]! }, () => timeOn(rng, date))).sort((a, b) => a - b);
}
