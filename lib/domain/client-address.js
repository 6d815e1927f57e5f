// Which address a request comes from, for the abuse limits (lib/rate-limit.ts). Plain ESM
// JavaScript (types in client-address.d.ts) because the production server, scripts/serve.mjs,
// runs on plain Node and applies this rule to every request before Next.js sees it.
//
// X-Forwarded-For is written by whoever sent the request: without a proxy, by the client itself.
// Only entries appended by our own proxies can be trusted, and each proxy appends the address it
// saw on its socket. So with N trusted proxies the client is the N-th entry from the right of
// "X-Forwarded-For, socket address"; with none it is the socket address and the header is ignored.
import { isIP } from "node:net";

/**
 * One address in canonical form: IPv4-mapped IPv6 (`::ffff:203.0.113.7`) as IPv4, IPv6 in lower
 * case, without brackets, ports or zone; null when it is not an IP address at all.
 * @param {string | undefined | null} raw
 * @returns {string | null}
 */
export function normaliseAddress(raw) {
  let value = (raw ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (mapped) value = mapped[1];
  return isIP(value) ? value : null;
}

/**
 * The client's address.
 * @param {string | undefined} socketAddress the TCP peer (req.socket.remoteAddress)
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header(s) as received
 * @param {number} trustedHops how many reverse proxies in front of the server are ours
 * @returns {string}
 */
export function clientAddress(socketAddress, forwardedFor, trustedHops) {
  const socket = normaliseAddress(socketAddress) ?? "unknown";
  if (!trustedHops) return socket;
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...listed, socket];
  // Fewer entries than proxies: the request skipped a proxy; the furthest entry is all there is.
  const chosen = chain[Math.max(0, chain.length - 1 - trustedHops)];
  // An entry our proxy wrote is an address; anything else is forged, and counts as the proxy.
  return normaliseAddress(chosen) ?? socket;
}

/**
 * The key a per-address limit counts under. An IPv6 client usually holds a whole /64 (2^64
 * addresses to rotate through), so IPv6 counts per /64 network; IPv4 per address.
 * @param {string} address a normalised address (anything else is its own key)
 * @returns {string}
 */
export function limitKeyOf(address) {
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  // An embedded IPv4 tail (::1.2.3.4) is two groups; only the first four groups matter anyway.
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.padStart(4, "0"))
    .join(":")}::/64`;
}

/**
 * Rewrites a request's headers in place before Next.js sees them: X-Forwarded-For becomes the one
 * derived address (what lib/rate-limit.ts clientIp reads) and X-Real-IP goes. Without a trusted
 * proxy the other X-Forwarded-* headers are the client's own words too; dropped, Next fills them
 * from the real connection.
 * @param {Record<string, string | string[] | undefined>} headers node:http's req.headers
 * @param {string | undefined} socketAddress
 * @param {number} trustedHops
 */
export function settleForwardedHeaders(headers, socketAddress, trustedHops) {
  headers["x-forwarded-for"] = clientAddress(socketAddress, headers["x-forwarded-for"], trustedHops);
  delete headers["x-real-ip"];
  if (!trustedHops) {
    delete headers["x-forwarded-host"];
    delete headers["x-forwarded-proto"];
    delete headers["x-forwarded-port"];
  }
}
