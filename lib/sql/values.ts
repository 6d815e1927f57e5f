// Dates and booleans, the one convention for both engines (docs/postgresql.md): application code
// writes and reads Date and boolean. SQLite stores epoch milliseconds and 0/1 (Prisma's
// `unixepoch-ms`), PostgreSQL timestamps and booleans. Parameters are converted on the way in by
// the SQLite driver (lib/sql/sqlite-driver.ts); values read back are converted here, where the row type
// (`Date | number`, `boolean | number`, generated from the schema) makes the call unavoidable.

export function toDate(value: Date | number): Date;
export function toDate(value: Date | number | null): Date | null;
export function toDate(value: Date | number | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(Number(value));
}

export function toMillis(value: Date | number): number;
export function toMillis(value: Date | number | null): number | null;
export function toMillis(value: Date | number | null): number | null {
  if (value === null) return null;
  return value instanceof Date ? value.getTime() : Number(value);
}

export function toBoolean(value: boolean | number): boolean;
export function toBoolean(value: boolean | number | null): boolean | null;
export function toBoolean(value: boolean | number | null): boolean | null {
  if (value === null) return null;
  return typeof value === "boolean" ? value : Number(value) !== 0;
}
