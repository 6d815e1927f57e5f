// The PostgreSQL project of the integration tests (vitest.config.ts): one throw-away server per
// run, with a template database migrated by the app's runner and seeded through the PostgreSQL
// client with the same demo data as the SQLite template (organisation, rules, calendar, users, demo
// tickets and history). Each test file then works on its own copy (tests/support/postgres-setup.ts).
import { startPostgres } from "./postgres";
import { makeRunTempRoot } from "./temp-root";

export const TEMPLATE_DB = "jsjb_template";

export default async function setup() {
  const removeRunTempRoot = makeRunTempRoot();
  const server = await startPostgres();
  const template = await server.createDatabase(TEMPLATE_DB);

  const { migratePostgres } = await import("@/lib/migrations/postgres");
  await migratePostgres(template);
  const { createPostgresClient } = await import("@/lib/db-postgres");
  const { seedDatabase } = await import("@/prisma/seed");
  const client = createPostgresClient(template);
  await seedDatabase(client, { demoData: true, databaseUrl: template });
  await client.$disconnect();

  process.env.JSJB_PG_SERVER_URL = server.url;
  return () => {
    server.stop();
    removeRunTempRoot();
  };
}
