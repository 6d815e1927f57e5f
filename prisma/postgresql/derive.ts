// The PostgreSQL schema is derived from prisma/schema.prisma (the one data model): the same
// models and indexes, another provider, its own generated client. Prisma allows one provider per
// schema file, and the query compiler writes SQL for the provider it was generated for.
//   npx tsx prisma/postgresql/derive.ts   — rewrites prisma/postgresql/schema.prisma
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");

const HEADER = `// GENERATED from prisma/schema.prisma by \`npx tsx prisma/postgresql/derive.ts\` — do not edit.
// The PostgreSQL variant of the one data model (docs/postgresql.md).

`;

function replaceOnce(text: string, from: RegExp, to: string): string {
  if (!from.test(text)) throw new Error(`prisma/schema.prisma: expected ${from} in the schema`);
  return text.replace(from, to);
}

/**
 * The PostgreSQL schema text for a SQLite schema text: provider and client output differ, and the
 * Kysely row types come from the SQLite schema alone (they are the same for both engines).
 */
export function postgresSchemaOf(sqliteSchema: string): string {
  let text = replaceOnce(sqliteSchema, /provider = "sqlite"/, 'provider = "postgresql"');
  text = text.replace(/\n(\/\/[^\n]*\n)*generator kysely \{[^}]*\}\n/, "\n");
  text = replaceOnce(text, /output(\s*)= "\.\.\/lib\/generated\/prisma"/, 'output$1= "../../lib/generated/prisma-pg"');
  return HEADER + text;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(POSTGRES_SCHEMA, postgresSchemaOf(readFileSync(SQLITE_SCHEMA, "utf8")));
  process.stderr.write(`wrote ${POSTGRES_SCHEMA}\n`);
}
