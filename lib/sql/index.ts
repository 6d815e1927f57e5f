// The typed query builder for the SQL Prisma cannot express (docs/postgresql.md): one Kysely
// instance per process, over the engine DATABASE_URL names, typed by lib/generated/kysely (from
// prisma/schema.prisma). On SQLite it shares the raw better-sqlite3 connection of lib/sqlite.ts.
import {
  Kysely,
  OperationNodeTransformer,
  PostgresDialect,
  PrimitiveValueListNode,
  SqliteDialect,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from "kysely";
import pg from "pg";
import { env } from "@/lib/env";
import type { DB } from "@/lib/generated/kysely/types";
import { rawSqlite } from "@/lib/sqlite";

export type Sql = Kysely<DB>;

/** SQLite has no date or boolean type: parameters become epoch milliseconds and 0/1, as Prisma stores them. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

class SqliteValueTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return { ...node, value: sqliteValue(node.value) };
  }
  // INSERT … VALUES rows carry their values unwrapped.
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return PrimitiveValueListNode.create(node.values.map(sqliteValue));
  }
}

class SqliteValues implements KyselyPlugin {
  readonly #transformer = new SqliteValueTransformer();
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(node);
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

function create(): Sql {
  const { databaseEngine, databaseUrl } = env();
  if (databaseEngine === "postgresql") {
    // pg returns timestamps as Date and booleans as boolean already.
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 10 }) }) });
  }
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: rawSqlite() }), plugins: [new SqliteValues()] });
}

const globalForSql = globalThis as unknown as { sql?: Sql };

/** The query builder of this process's database. */
export function sql(): Sql {
  return (globalForSql.sql ??= create());
}
