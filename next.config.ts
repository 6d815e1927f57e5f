import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native modules load at run time from node_modules rather than being bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  poweredByHeader: false,
  // forbidden() answers 403 for a ticket outside the caller's scope.
  experimental: {
    authInterrupts: true,
    // Citizens attach up to 3 photos of 5 MB; 12345 batch files may be larger still.
    serverActions: { bodySizeLimit: "25mb" },
  },
};

export default nextConfig;
