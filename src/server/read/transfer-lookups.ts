import { type SQL, sql } from "drizzle-orm";
import { checkOrgNumber } from "../../common/organisations.ts";
import { type Db, queryRows } from "../db/client.ts";

/**
 * What the transfer module (spreadsheet import) resolves in other modules' registers: an organisation by name or
 * org number, a person by e-mail or name, a programme or course by code, the unique values a register already
 * holds, and the active activity types. Cross-module because one import file names rows of four registers, read
 * batched — one query per 1 000 names instead of a door call per cell (read layer, decision 011). Names compare
 * accent- and case-insensitively (samspel_fold, 0004_search). No authorisation here: the transfer service
 * authorises the import first.
 */

const textArray = (values: string[]): SQL =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

async function inChunks<T>(values: string[], run: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(values)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += 1000) out.push(...(await run(unique.slice(i, i + 1000))));
  return out;
}

/** ref (as written) → ids of the organisations it may mean: org number first, else the name. */
export async function organisationsByRef(db: Db, refs: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  const numbers = new Map<string, string>();
  const names: string[] = [];
  for (const ref of refs) {
    const check = checkOrgNumber(ref);
    if (check.ok) numbers.set(check.value, ref);
    else names.push(ref);
  }
  const byNumber = await inChunks([...numbers.keys()], (chunk) =>
    queryRows<{ id: string; key: string }>(
      db,
      sql`select id, org_number as key from organisations where org_number = any(${textArray(chunk)})`,
    ),
  );
  for (const r of byNumber) result.set(numbers.get(r.key)!, [r.id]);
  await namesToIds(db, names, sql`organisations`, sql`name`, result);
  return result;
}

/** ref → ids of the people it may mean: an e-mail address, else the name. */
export async function peopleByRef(db: Db, refs: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  const emails = refs.filter((r) => r.includes("@"));
  const byEmail = await inChunks(
    emails.map((e) => e.trim().toLowerCase()),
    (chunk) =>
      queryRows<{ id: string; key: string }>(
        db,
        sql`select id, email as key from people where email = any(${textArray(chunk)})`,
      ),
  );
  const idByEmail = new Map(byEmail.map((r) => [r.key, r.id]));
  for (const e of emails) {
    const id = idByEmail.get(e.trim().toLowerCase());
    if (id) result.set(e, [id]);
  }
  await namesToIds(
    db,
    refs.filter((r) => !r.includes("@")),
    sql`people`,
    sql`name`,
    result,
  );
  return result;
}

async function namesToIds(db: Db, names: string[], table: SQL, column: SQL, into: Map<string, string[]>) {
  const rows = await inChunks(names, (chunk) =>
    queryRows<{ id: string; ref: string }>(
      db,
      sql`select t.id, x.ref from unnest(${textArray(chunk)}) as x(ref)
          join ${table} t on samspel_fold(t.${column}) = samspel_fold(trim(x.ref))`,
    ),
  );
  for (const r of rows) into.set(r.ref, [...(into.get(r.ref) ?? []), r.id]);
}

/** code (any case) → id, for programmes or courses. */
export async function idsByCode(db: Db, table: "programmes" | "courses", codes: string[]) {
  const rows = await inChunks(
    codes.map((c) => c.trim().toUpperCase()),
    (chunk) =>
      queryRows<{ id: string; code: string }>(
        db,
        sql`select id, code from ${sql.raw(table)} where code = any(${textArray(chunk)})`,
      ),
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Of the given values, those already stored in `column` of `table` (unique checks). */
export async function existingValues(
  db: Db,
  table: "organisations" | "people" | "programmes" | "courses",
  column: "org_number" | "email" | "code",
  values: string[],
): Promise<Set<string>> {
  const rows = await inChunks(values, (chunk) =>
    queryRows<{ v: string }>(
      db,
      sql`select ${sql.raw(column)} as v from ${sql.raw(table)} where ${sql.raw(column)} = any(${textArray(chunk)})`,
    ),
  );
  return new Set(rows.map((r) => r.v));
}

/** The active activity types of the catalogue: key and Swedish and English labels (activities' table). */
export async function activeActivityTypeLabels(db: Db) {
  return queryRows<{ key: string; label_sv: string; label_en: string }>(
    db,
    sql`select key, label_sv, label_en from activity_types where active`,
  );
}
