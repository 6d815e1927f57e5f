// 大字版 (关怀模式): the citizen pages' large-type, high-contrast mode (issue 13 item 20, after the
// 2021 互联网网站适老化通用设计规范). The choice lives in a cookie so that the server renders the
// chosen look at once — a client-only switch would flash the small page first on every visit.

export const CARE_MODE_COOKIE = "care_mode";

/** A year: older citizens should not have to switch it on again on each visit. */
export const CARE_MODE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Anything but the exact "on" the toggle writes means the standard look. */
export function careModeOn(cookieValue: string | undefined): boolean {
  return cookieValue === "on";
}
