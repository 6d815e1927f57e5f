import type { Role } from "@/lib/auth/permissions";

/**
 * Where each role lands after signing in and behind the header's home link (issue 13 item 8):
 * ADMIN has no ticket pages, only administration; a MANAGER leads from the 驾驶舱 (the workbench
 * stays one click away); the others work a queue, 我的待办.
 */
export function homePathFor(role: Role): string {
  switch (role) {
    case "ADMIN":
      return "/admin";
    case "MANAGER":
      return "/dashboard";
    case "CITIZEN":
      return "/my";
    default:
      return "/workbench";
  }
}

// Any origin that cannot be ours: a value that resolves elsewhere is refused.
const PROBE_ORIGIN = "http://same-origin.invalid";

// Browsers drop tabs and newlines inside URLs and read "\" as "/", so "/\t/evil.example" and
// "/\\evil.example" both become "//evil.example", another site. A newline in a Location header
// also makes the redirect itself fail with 500. None of these belongs in a path of ours.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

function decodedOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null; // a malformed escape ("%E0%A4%A") is not a path we wrote
  }
}

/**
 * Only same-site paths are followed after sign-in (no open redirect). The value is parsed the way
 * a browser would resolve it against our origin, and kept only when it stays on that origin; the
 * normalised path is returned, never the raw text.
 */
export function safeCallbackPath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith("/")) return null;
  const decoded = decodedOnce(value);
  if (decoded === null || UNSAFE_CHARACTERS.test(value) || UNSAFE_CHARACTERS.test(decoded)) return null;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" normalises to "//evil.example": same origin here, another site in a Location.
  if (path.startsWith("//") || decoded.startsWith("//")) return null;
  return path;
}
