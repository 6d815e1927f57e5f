// The order in which `migrate-data` copies a site's tables (docs/postgresql.md, "Moving a site").
// Pure: the table shapes come from the source database (lib/migrate-data/source.ts), which must
// be migrated to the current schema, so they are the Prisma schema's tables — and a model added
// to the schema is copied without anyone having to list it here.

/** One table as the source describes it. */
export type TableShape = {
  name: string;
  columns: string[];
  /** The primary key's columns, in key order: the copy pages through the table by them. */
  primaryKey: string[];
  /** Foreign keys: this table's column → the table it references. */
  references: { column: string; table: string }[];
};

/** One step of the copy. */
export type TableCopy = TableShape & {
  /**
   * Columns that reference the table itself (Unit.parentId, Ticket.mergedIntoId): inserted as
   * NULL and set once every row is in, since a page may hold a row before the row it points to.
   */
  selfReferences: string[];
};

/**
 * The metric counters are not copied: the target's triggers and its rebuild
 * (rebuildMetricsSql("postgresql")) compute them from the copied tickets, and the verification
 * compares them with the source's.
 */
export const REBUILT_TABLES: readonly string[] = ["MetricDaily", "MetricMonthly"];

/**
 * The tables to copy, each after every table it references (dependency order: the target's
 * foreign keys are checked row by row, not deferred — Prisma does not create them DEFERRABLE).
 * Ties keep the name order, so the plan is the same on every run.
 */
export function copyPlan(tables: readonly TableShape[]): TableCopy[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const placed = new Set<string>();
  const plan: TableCopy[] = [];
  const pending = tables.filter((table) => !REBUILT_TABLES.includes(table.name)).sort((a, b) => a.name.localeCompare(b.name));
  for (const table of pending) {
    if (table.primaryKey.length === 0) throw new Error(`表 ${table.name} 没有主键，无法分批复制`);
    for (const { table: referenced } of table.references) {
      if (!byName.has(referenced)) throw new Error(`表 ${table.name} 引用了不存在的表 ${referenced}`);
    }
  }
  while (plan.length < pending.length) {
    const ready = pending.find(
      (table) => !placed.has(table.name) && table.references.every((ref) => ref.table === table.name || placed.has(ref.table)),
    );
    if (!ready) {
      const left = pending.filter((table) => !placed.has(table.name)).map((table) => table.name);
      throw new Error(`表之间存在循环引用（${left.join("、")}），无法确定复制顺序`);
    }
    placed.add(ready.name);
    const selfReferences = ready.references.filter((ref) => ref.table === ready.name).map((ref) => ref.column);
    plan.push({ ...ready, selfReferences });
  }
  return plan;
}

/** The model names the schema declares that the source has no table for (a source on an older schema). */
export function missingTables(models: readonly string[], tables: readonly TableShape[]): string[] {
  const present = new Set(tables.map((table) => table.name));
  return models.filter((model) => !present.has(model));
}

/**
 * Rows per INSERT: as many as fit PostgreSQL's limit of 65,535 parameters per statement, and at
 * most a page.
 */
export function rowsPerInsert(columnCount: number, pageSize: number): number {
  const MAX_PARAMETERS = 65_535;
  return Math.max(1, Math.min(pageSize, Math.floor(MAX_PARAMETERS / Math.max(1, columnCount))));
}
