// Demo history: the units of time and the small types its parts share.
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const EVALUATION_WINDOW = DEFAULT_SETTINGS.evaluationWindowDays * DAY;

export type UnitCode = "ZQ1" | "ZQ2" | "ZQ3" | "ZQ4" | "SG" | "CGS";
export type Outcome = "SATISFIED" | "BASIC" | "UNSATISFIED" | "NONE";
export type Source = "CALLBACK" | "LINK";
