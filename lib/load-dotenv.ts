// Side-effect module, imported first by every entry point outside Next (start script, CLI,
// prepare-db): loads the same .env files `next start` reads, before any module reads env().
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());
