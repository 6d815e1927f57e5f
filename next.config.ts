import type { NextConfig } from "next";
import { SECRET_PATH_SOURCES, STATIC_SECURITY_HEADERS } from "./lib/domain/security-headers";

const nextConfig: NextConfig = {
  // Native modules load at run time from node_modules rather than being bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  // On every response, build assets included; proxy.ts adds the per-request CSP and HSTS. Of two
  // matching entries the later wins, so one-time links get the stricter referrer rule.
  async headers() {
    return [
      { source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) },
      ...SECRET_PATH_SOURCES.map((source) => ({ source, headers: [{ key: "Referrer-Policy", value: "no-referrer" }] })),
    ];
  },
  // forbidden() answers 403 for a ticket outside the caller's scope.
  experimental: {
    authInterrupts: true,
    // Citizens attach up to 3 photos of 5 MB; 12345 batch files may be larger still.
    serverActions: { bodySizeLimit: "25mb" },
  },
};

export default nextConfig;
