import { describe, expect, it } from "vitest";
import { compareMigrations, schemaVerdict } from "./migrations";

const known = [
  { name: "20261124000000_init", checksum: "a" },
  { name: "20261130020000_notification_claims", checksum: "b" },
];

describe("schema drift", () => {
  it("finds nothing when the database applied exactly the code's migrations", () => {
    const drift = compareMigrations(known, [...known].reverse());
    expect(drift).toEqual({ missing: [], unknown: [], changed: [] });
    expect(schemaVerdict(drift)).toEqual({ current: true });
  });

  it("reports a database older than the code, naming the missing migration", () => {
    const verdict = schemaVerdict(compareMigrations(known, known.slice(0, 1)));
    expect(verdict).toMatchObject({ current: false, reason: "database-older-than-code", missing: ["20261130020000_notification_claims"] });
    expect(verdict.current || verdict.problem).toContain("缺少迁移：20261130020000_notification_claims");
  });

  it("reports code older than the database first, whatever else differs", () => {
    const verdict = schemaVerdict(compareMigrations(known, [known[0]!, { name: "20271201000000_newer", checksum: "c" }]));
    expect(verdict).toMatchObject({ current: false, reason: "code-older-than-database", unknown: ["20271201000000_newer"], missing: ["20261130020000_notification_claims"] });
    expect(verdict.current || verdict.problem).toContain("请将本节点升级到新版本");
  });

  it("reports a migration applied with other contents than the code's file", () => {
    const verdict = schemaVerdict(compareMigrations(known, [known[0]!, { ...known[1]!, checksum: "edited" }]));
    expect(verdict).toMatchObject({ current: false, reason: "migration-changed", changed: ["20261130020000_notification_claims"] });
  });
});
