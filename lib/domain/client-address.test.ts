import { describe, expect, it } from "vitest";
import { clientAddress, limitKeyOf, normaliseAddress } from "./client-address";

describe("clientAddress", () => {
  it("without trusted proxies uses the socket and ignores any X-Forwarded-For", () => {
    expect(clientAddress("198.51.100.9", undefined, 0)).toBe("198.51.100.9");
    expect(clientAddress("198.51.100.9", "1.2.3.4", 0)).toBe("198.51.100.9");
    expect(clientAddress("198.51.100.9", ["1.2.3.4", "5.6.7.8"], 0)).toBe("198.51.100.9");
  });

  it("a rotating spoofed header never changes the address", () => {
    const seen = new Set(Array.from({ length: 50 }, (_, i) => clientAddress("198.51.100.9", `10.0.0.${i}`, 0)));
    expect([...seen]).toEqual(["198.51.100.9"]);
    // Behind one proxy the forged entries sit left of the one the proxy appended.
    const behindProxy = new Set(Array.from({ length: 50 }, (_, i) => clientAddress("10.1.1.1", `10.0.0.${i}, 203.0.113.7`, 1)));
    expect([...behindProxy]).toEqual(["203.0.113.7"]);
  });

  it("with one trusted proxy takes the entry that proxy appended", () => {
    expect(clientAddress("10.1.1.1", "203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.1.1.1", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.1.1.1", ["6.6.6.6", "203.0.113.7"], 1)).toBe("203.0.113.7");
  });

  it("with two trusted proxies takes the second entry from the right", () => {
    expect(clientAddress("10.1.1.2", "6.6.6.6, 203.0.113.7, 10.1.1.1", 2)).toBe("203.0.113.7");
    expect(clientAddress("10.1.1.2", "203.0.113.7, 10.1.1.1", 2)).toBe("203.0.113.7");
  });

  it("with fewer entries than proxies takes the furthest one; a forged non-address counts as the proxy", () => {
    expect(clientAddress("10.1.1.1", undefined, 2)).toBe("10.1.1.1");
    expect(clientAddress("10.1.1.1", "203.0.113.7", 3)).toBe("203.0.113.7");
    expect(clientAddress("10.1.1.1", "evil, <script>", 1)).toBe("10.1.1.1");
  });

  it("handles IPv6 and IPv4-mapped addresses", () => {
    expect(clientAddress("::ffff:198.51.100.9", "1.2.3.4", 0)).toBe("198.51.100.9");
    expect(clientAddress("2001:DB8::1", undefined, 0)).toBe("2001:db8::1");
    expect(clientAddress("::1", "2001:db8::7", 1)).toBe("2001:db8::7");
    expect(clientAddress("::ffff:10.1.1.1", "[2001:db8::7]:443, ::ffff:203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:10.1.1.1", "[2001:db8::7]:443, 10.1.1.5", 2)).toBe("2001:db8::7");
  });
});

describe("normaliseAddress", () => {
  it("strips ports, brackets and zones, and refuses non-addresses", () => {
    expect(normaliseAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseAddress("[2001:db8::7]")).toBe("2001:db8::7");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normaliseAddress("unknown")).toBeNull();
    expect(normaliseAddress("")).toBeNull();
    expect(normaliseAddress(undefined)).toBeNull();
  });
});

describe("limitKeyOf", () => {
  it("counts IPv4 per address and IPv6 per /64, so rotating within one's /64 does not help", () => {
    expect(limitKeyOf("203.0.113.7")).toBe("203.0.113.7");
    expect(limitKeyOf("2001:db8:1:2::1")).toBe("2001:0db8:0001:0002::/64");
    expect(limitKeyOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:0db8:0001:0002::/64");
    expect(limitKeyOf("2001:db8:1:3::1")).toBe("2001:0db8:0001:0003::/64");
    expect(limitKeyOf("2001:db8::1")).toBe("2001:0db8:0000:0000::/64");
    expect(limitKeyOf("::1")).toBe("0000:0000:0000:0000::/64");
    expect(limitKeyOf("local")).toBe("local");
  });
});
