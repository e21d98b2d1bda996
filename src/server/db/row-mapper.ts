import { Column, getTableName, is, SQL, Subquery } from "drizzle-orm";
import { NodePgSession } from "drizzle-orm/node-postgres/session";
import { PgliteSession } from "drizzle-orm/pglite/session";

/**
 * drizzle turns each result row into the select's object shape with `mapResultRow`, which works out
 * every field's decoder (`is(field, Column)` walks prototype chains; alias columns are proxies) and the
 * left joins' null objects again for every row. On a 50-row list that was ~15 % of the request's CPU
 * (a profile of GET /api/organisations under wrk). Here the same mapping is worked out once per prepared
 * query and then applied row by row. Same result as drizzle's, field by field: decoded values, nested
 * objects by path, and a left-joined table's object null when its first column is null (drizzle's rule).
 * Installed on both drizzle sessions (PostgreSQL and PGlite) by `installRowMapper()`; queries that bring
 * their own mapper (relational queries) keep it. `SAMSPEL_DRIZZLE_MAPPER=0` leaves drizzle's own.
 */

type Field = { path: string[]; field: unknown };
type Decoder = { mapFromDriverValue(value: unknown): unknown };
interface PreparedLike {
  fields?: Field[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown;
}

interface Plan {
  /** Per field: where its value goes (one or two levels, as drizzle's selects make them) and its decoder. */
  paths: string[][];
  decoders: Decoder[];
  /** Per nested object that a join may leave empty: its first column, its table, and whether all its columns share it. */
  joined: { object: string; first: number; table: string; oneTable: boolean }[];
}

/** drizzle's own choice of decoder (`decoder` is internal on SQL, hence the casts). */
type WithDecoder = { decoder: Decoder };
function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as WithDecoder).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: WithDecoder } })._.sql.decoder;
  return (field as { sql: WithDecoder }).sql.decoder;
}

function planOf(fields: Field[]): Plan {
  const joined = new Map<string, Plan["joined"][number]>();
  fields.forEach(({ path, field }, index) => {
    if (path.length !== 2 || !is(field, Column)) return;
    const table = getTableName(field.table);
    const known = joined.get(path[0]);
    if (!known) joined.set(path[0], { object: path[0], first: index, table, oneTable: true });
    else if (known.table !== table) known.oneTable = false;
  });
  return {
    paths: fields.map((f) => f.path),
    decoders: fields.map((f) => decoderOf(f.field)),
    joined: [...joined.values()],
  };
}

export function mapRows(
  plan: Plan,
  rows: unknown[][],
  joinsNotNullable: Record<string, boolean> | undefined,
) {
  const { paths, decoders, joined } = plan;
  const out = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const result: Record<string, unknown> = {};
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i];
      const raw = row[i];
      const value = raw === null ? null : decoders[i].mapFromDriverValue(raw);
      let node = result;
      for (let p = 0; p < path.length - 1; p++) {
        const chunk = path[p];
        if (node[chunk] === undefined) node[chunk] = {};
        node = node[chunk] as Record<string, unknown>;
      }
      node[path[path.length - 1]] = value;
    }
    if (joinsNotNullable) {
      for (const j of joined) {
        if (j.oneTable && row[j.first] === null && !joinsNotNullable[j.table]) result[j.object] = null;
      }
    }
    out[r] = result;
  }
  return out;
}

const plans = new WeakMap<object, Plan>();

function withPlannedMapper<Q extends PreparedLike>(query: Q): Q {
  if (!query.fields || query.customResultMapper) return query;
  const fields = query.fields;
  query.customResultMapper = (rows) => {
    let plan = plans.get(query);
    if (!plan) {
      plan = planOf(fields);
      plans.set(query, plan);
    }
    return mapRows(plan, rows, query.joinsNotNullableMap);
  };
  return query;
}

let installed = false;

/** Puts the planned mapper on every query both drizzle sessions prepare (once per process). */
export function installRowMapper() {
  if (installed || process.env.SAMSPEL_DRIZZLE_MAPPER === "0") return;
  installed = true;
  for (const session of [NodePgSession.prototype, PgliteSession.prototype]) {
    const prepare = session.prepareQuery as (...args: unknown[]) => PreparedLike;
    (session as { prepareQuery: unknown }).prepareQuery = function (this: unknown, ...args: unknown[]) {
      return withPlannedMapper(prepare.apply(this, args));
    };
  }
}
