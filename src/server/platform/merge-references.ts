import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";

/** A single-column foreign key that points at the merged table. */
export interface ForeignKeyColumn {
  schema: string;
  table: string;
  column: string;
  nullable: boolean;
}

/** What merging did to one referencing column, for the audit record. */
export interface MovedReferences {
  table: string;
  column: string;
  moved: number;
  /** Rows deleted (or, for a nullable one-to-one link, unlinked) because the target already had them. */
  dropped: number;
}

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;

/**
 * Every foreign key column in the database that references `table`, found in pg_catalog so that a
 * module added later (agreements, events …) is covered without this code knowing about it.
 */
export async function findReferencingColumns(db: Db | Tx, table: string): Promise<ForeignKeyColumn[]> {
  const result = await db.execute(sql`
    select n.nspname as "schema", c.relname as "table", a.attname as "column", not a.attnotnull as "nullable"
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
    where k.contype = 'f'
      and k.confrelid = to_regclass(${table}::text)
      and array_length(k.conkey, 1) = 1
    order by c.relname, a.attname`);
  return rowsOf<ForeignKeyColumn>(result);
}

/** Column lists of the plain unique indexes (primary keys included) of a table that contain `column`. */
async function uniqueKeysWith(db: Db | Tx, fk: ForeignKeyColumn): Promise<string[][]> {
  const qualified = `${quoteIdent(fk.schema)}.${quoteIdent(fk.table)}`;
  const result = await db.execute(sql`
    select (
      select json_agg(a.attname::text order by k.ord)
      from unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    ) as "columns"
    from pg_index i
    where i.indrelid = to_regclass(${qualified}::text)
      and i.indisunique
      and i.indpred is null
      and i.indexprs is null`);
  return rowsOf<{ columns: string[] }>(result)
    .map((r) => r.columns)
    .filter((columns) => columns.includes(fk.column));
}

/**
 * Points every reference to row `fromId` of `table` at `toId` instead, in the caller's transaction.
 * A referencing row that would then duplicate a composite primary/unique key (e.g. an activity linked
 * to both organisations) is deleted, since the target already carries that link. For a single-column
 * unique key (a one-to-one link) the source's row is unlinked when the column is nullable, else deleted.
 * The caller deletes the source row afterwards.
 */
export async function mergeReferences(
  tx: Tx,
  table: string,
  fromId: string,
  toId: string,
): Promise<MovedReferences[]> {
  const summary: MovedReferences[] = [];
  for (const fk of await findReferencingColumns(tx, table)) {
    const target = sql`${sql.identifier(fk.schema)}.${sql.identifier(fk.table)}`;
    const col = sql.identifier(fk.column);
    let dropped = 0;
    for (const key of await uniqueKeysWith(tx, fk)) {
      const others = key.filter((c) => c !== fk.column);
      if (others.length > 0) {
        const same = sql.join(
          others.map((c) => sql`t.${sql.identifier(c)} = s.${sql.identifier(c)}`),
          sql` and `,
        );
        dropped += await affected(
          tx,
          sql`delete from ${target} s where s.${col} = ${fromId}
              and exists (select 1 from ${target} t where t.${col} = ${toId} and ${same})`,
        );
      } else {
        const targetHasOne = sql`exists (select 1 from ${target} t where t.${col} = ${toId})`;
        dropped += await affected(
          tx,
          fk.nullable
            ? sql`update ${target} set ${col} = null where ${col} = ${fromId} and ${targetHasOne}`
            : sql`delete from ${target} where ${col} = ${fromId} and ${targetHasOne}`,
        );
      }
    }
    const moved = await affected(tx, sql`update ${target} set ${col} = ${toId} where ${col} = ${fromId}`);
    if (moved || dropped) summary.push({ table: fk.table, column: fk.column, moved, dropped });
  }
  return summary;
}

async function affected(tx: Tx, statement: SQL): Promise<number> {
  const result = (await tx.execute(statement)) as { rowCount?: number | null; affectedRows?: number };
  return result.rowCount ?? result.affectedRows ?? 0;
}

function quoteIdent(name: string) {
  return `"${name.replaceAll('"', '""')}"`;
}
