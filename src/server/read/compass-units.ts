import { sql } from "drizzle-orm";
import type { UnitListItem } from "../../common/compass.ts";
import { type Db, queryRows } from "../db/client.ts";

/**
 * The compass's reads of units (read layer, decision 011): organisations and the programmes they own,
 * down the organisation tree, and the years the activities span. The compass module decides which units
 * a reader may see.
 */

export interface UnitProgramme {
  id: string;
  code: string;
  name_sv: string;
  name_en: string | null;
  level: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
}

/** The unit's programmes, its own and those of every unit below it, in Swedish name order. */
export function unitProgrammes(db: Db, organisationId: string) {
  return queryRows<UnitProgramme>(
    db,
    sql`
    with recursive tree as (
      select id from organisations where id = ${organisationId}::uuid
      union
      select o.id from organisations o join tree t on o.parent_id = t.id
    )
    select p.id::text as id, p.code, p.name_sv, p.name_en, p.level,
           p.organisation_id::text as organisation_id, o.name as organisation_name
    from programmes p
    left join organisations o on o.id = p.organisation_id
    where p.organisation_id in (select id from tree)
    order by p.sort_key, p.id`,
  );
}

/** Every unit that owns programmes, directly or further down, with how many, in the units' order. */
export function unitsWithProgrammes(db: Db) {
  return queryRows<UnitListItem>(
    db,
    sql`
    with recursive up as (
      select p.id as programme_id, p.organisation_id as org_id
      from programmes p where p.organisation_id is not null
      union
      select up.programme_id, o.parent_id
      from up join organisations o on o.id = up.org_id
      where o.parent_id is not null
    )
    select o.id::text as id, o.name, o.type, o.parent_id::text as "parentId",
           count(distinct up.programme_id)::int as programmes
    from up join organisations o on o.id = up.org_id
    group by o.id, o.name, o.type, o.parent_id, o.sort_key
    order by o.sort_key, o.id`,
  );
}

/** The first and last year of the dated activities, and the last year with a done activity up to today. */
export async function activityYears(db: Db) {
  const [row] = await queryRows<{ first: number | null; last: number | null; last_done: number | null }>(
    db,
    sql`
    select extract(year from min(start_date))::int as first,
           extract(year from max(start_date))::int as last,
           extract(year from max(start_date) filter (where status = 'done' and start_date <= current_date))::int as last_done
    from activities where start_date is not null`,
  );
  return row;
}
