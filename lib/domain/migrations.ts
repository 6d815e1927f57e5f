// Whether a database's schema is exactly the one this code was written for: the migrations the
// code ships (folder name and SHA-256 of migration.sql) against those the database recorded as
// applied. One rule for readiness (/api/ready), the PostgreSQL migration runner and moving a site.

export type MigrationRecord = { name: string; checksum: string };

export type SchemaDrift = {
  /** Shipped with the code, not applied: the database is older than the code. */
  missing: string[];
  /** Applied, not shipped: a newer version migrated the database; this code is older than it. */
  unknown: string[];
  /** Applied with other contents than the code's file: the schema cannot be known. */
  changed: string[];
};

export function compareMigrations(known: readonly MigrationRecord[], applied: readonly MigrationRecord[]): SchemaDrift {
  const appliedChecksums = new Map(applied.map((m) => [m.name, m.checksum]));
  const knownNames = new Set(known.map((m) => m.name));
  return {
    missing: known.filter((m) => !appliedChecksums.has(m.name)).map((m) => m.name).sort(),
    unknown: [...appliedChecksums.keys()].filter((name) => !knownNames.has(name)).sort(),
    changed: known.filter((m) => appliedChecksums.has(m.name) && appliedChecksums.get(m.name) !== m.checksum).map((m) => m.name).sort(),
  };
}

/** Why a node must not serve: an English code for machines, beside the Chinese message for people. */
export type SchemaMismatch = "code-older-than-database" | "database-older-than-code" | "migration-changed";

export type SchemaVerdict =
  | { current: true }
  | ({ current: false; reason: SchemaMismatch; problem: string } & SchemaDrift);

/**
 * A newer schema comes first: the node's code must be upgraded whatever else differs (during a
 * rolling upgrade the first new node migrates, and the old ones leave the pool).
 */
export function schemaVerdict(drift: SchemaDrift): SchemaVerdict {
  const list = (names: string[]) => names.join("、");
  if (drift.unknown.length) {
    return { current: false, reason: "code-older-than-database", problem: `数据库结构比本节点的程序新（已应用本版本没有的迁移：${list(drift.unknown)}），请将本节点升级到新版本`, ...drift };
  }
  if (drift.missing.length) {
    return { current: false, reason: "database-older-than-code", problem: `数据库结构比本节点的程序旧（缺少迁移：${list(drift.missing)}），请先执行迁移（npm run cli -- migrate）`, ...drift };
  }
  if (drift.changed.length) {
    return { current: false, reason: "migration-changed", problem: `数据库应用的迁移与本版本的文件不同（${list(drift.changed)}），无法确定数据库结构`, ...drift };
  }
  return { current: true };
}
