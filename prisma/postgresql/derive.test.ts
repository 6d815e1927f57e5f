import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, postgresSchemaOf, SQLITE_SCHEMA } from "./derive";

describe("the PostgreSQL schema", () => {
  it("is derived from prisma/schema.prisma as committed (run prisma/postgresql/derive.ts after a schema change)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchemaOf(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("differs only in provider and client output, without the Kysely types", () => {
    const derived = postgresSchemaOf(
      'generator client {\n  output          = "../lib/generated/prisma"\n}\n\n// types\ngenerator kysely {\n  provider = "prisma-kysely"\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n',
    );
    expect(derived).not.toContain("kysely");
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output          = "../../lib/generated/prisma-pg"');
    expect(() => postgresSchemaOf("model A { id Int @id }")).toThrow(/prisma\/schema.prisma/);
  });
});
