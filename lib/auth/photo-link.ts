import "server-only";
// The tracking page shows a citizen their own photos without an account: each photo gets a link
// signed with the site's secret, handed out only after the number + phone check, valid for an
// hour. The link names the ticket, the photo and its expiry; nothing else opens it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/site-secret";

const VALID_MS = 60 * 60 * 1000;

function signature(secret: string, no: string, id: string, expires: number): string {
  return createHmac("sha256", secret).update(`tracked-photo:${no}:${id}:${expires}`).digest("base64url");
}

export async function signedPhotoUrl(no: string, id: string, now = new Date()): Promise<string> {
  const expires = Math.floor((now.getTime() + VALID_MS) / 1000);
  const sig = signature(await authSecret(), no, id, expires);
  return `/track/photo/${encodeURIComponent(id)}?${new URLSearchParams({ no, expires: String(expires), sig })}`;
}

/** Whether a link's parameters are ours and not expired. */
export async function photoLinkValid(link: { no: string; id: string; expires: string; sig: string }, now = new Date()): Promise<boolean> {
  const expires = Number(link.expires);
  if (!Number.isInteger(expires) || expires * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(signature(await authSecret(), link.no, link.id, expires));
  const given = Buffer.from(link.sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
