/** Mainland China mobile number: 11 digits starting 13–19. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export function isMainlandMobile(phone: string): boolean {
  return MAINLAND_MOBILE.test(phone);
}

/** 13800000000 → 138****0000; anything else keeps only its last four characters. */
export function maskPhone(phone: string): string {
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return "****";
}

/**
 * A one-tap call link (警务通): `tel:` with the digits (and a leading +) only, or null for a
 * masked number (138****0000), which must not be dialled.
 */
export function telHref(phone: string): string | null {
  const dialled = phone.replace(/[\s-]/g, "");
  return /^\+?\d{3,20}$/.test(dialled) ? `tel:${dialled}` : null;
}
