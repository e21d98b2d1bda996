import { inArray, type SQL, sql } from "drizzle-orm";
import type { DimensionDefinition } from "../../common/compass.ts";
import { type Db, queryRows } from "../db/client.ts";
import { indicators } from "../modules/indicators/indicators.schema.ts";
import { findIndicators, type IndicatorRecord } from "./indicator-definitions.ts";

/**
 * The personal overview's reads (issue 15 item 1), across the events, projects, indicators, agreements,
 * ideas, governance and compass tables (read layer, decision 011). The overview module decides which
 * sections an actor gets and passes the scope in: `organisationIds` null means every organisation's
 * records (the office), a list limits them to those organisations (a partner's), an empty list to none.
 * Every section is one or two statements whatever the number of rows (no query per row); each answers
 * its `count` (the figure shown) and the first `limit` items.
 */

export interface Section<T> {
  count: number;
  items: T[];
}

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const uuids = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

function section<T extends { total: number }>(rows: T[]): Section<Omit<T, "total">> {
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...item }) => item),
  };
}

/** Events with a session still to come: the next session's time and place, confirmed registrations, capacity. */
export async function upcomingEvents(
  db: Db,
  scope: { organisationIds: readonly string[] | null; now: Date; limit: number },
) {
  if (scope.organisationIds?.length === 0) return { count: 0, items: [] };
  const linked = scope.organisationIds
    ? sql`and exists (select 1 from activity_organisations ao where ao.activity_id = e.activity_id
        and ao.organisation_id = any(${uuids(scope.organisationIds)}))`
    : sql``;
  const rows = await queryRows<{
    id: string;
    title: string;
    startsAt: string;
    place: string | null;
    registered: number;
    capacity: number | null;
    total: number;
  }>(
    db,
    sql`select a.id::text as id, a.title, ${iso(sql`s.starts_at`)} as "startsAt",
        coalesce(s.place, a.place) as place, e.capacity,
        (select count(*) from event_registrations r
          where r.event_id = e.activity_id and r.status = 'confirmed')::int as registered,
        (count(*) over ())::int as total
      from events e
      join activities a on a.id = e.activity_id
      join lateral (select es.starts_at, es.place from event_sessions es
        where es.event_id = e.activity_id and es.starts_at >= ${scope.now.toISOString()}::timestamptz
        order by es.starts_at limit 1) s on true
      where a.status <> 'cancelled' ${linked}
      order by s.starts_at, a.sort_key, a.id
      limit ${scope.limit}`,
  );
  return section(rows);
}

/** Projects whose next lägesrapport was due before today, most overdue first. */
export async function overdueReports(
  db: Db,
  scope: { organisationIds: readonly string[] | null; today: string; limit: number },
) {
  if (scope.organisationIds?.length === 0) return { count: 0, items: [] };
  const owned = scope.organisationIds
    ? sql`and p.owner_organisation_id = any(${uuids(scope.organisationIds)})`
    : sql``;
  const rows = await queryRows<{
    id: string;
    name: string;
    reportDueDate: string;
    daysOverdue: number;
    total: number;
  }>(
    db,
    sql`select p.id::text as id, p.name, p.report_due_date::text as "reportDueDate",
        (${scope.today}::date - p.report_due_date)::int as "daysOverdue", (count(*) over ())::int as total
      from projects p
      where p.report_due_date is not null and p.report_due_date < ${scope.today}::date ${owned}
      order by p.report_due_date, p.sort_key, p.id
      limit ${scope.limit}`,
  );
  return section(rows);
}

/**
 * Indicators that have a target to be measured against: for the office every indicator, for a partner
 * those their organisations own (the indicators module's `ownedBy` rule). Evaluated by the caller.
 */
export function indicatorsInScope(
  db: Db,
  organisationIds: readonly string[] | null,
): Promise<IndicatorRecord[]> {
  if (organisationIds === null) return findIndicators(db, []);
  if (!organisationIds.length) return Promise.resolve([]);
  return findIndicators(db, [inArray(indicators.organisationId, [...organisationIds])]);
}

type AgreementRow = {
  id: string;
  title: string;
  status: string;
  endDate: string;
  nextDialogueDate: string | null;
  total: number;
};

function agreements(db: Db, where: SQL, order: SQL, limit: number) {
  return queryRows<AgreementRow>(
    db,
    sql`select a.id, a.title, a.status, a."endDate", a."nextDialogueDate", (count(*) over ())::int as total
      from (select a.id::text as id, a.title, a.status, a.start_date, a.end_date::text as "endDate",
          (select d.next_date::text from agreement_dialogues d where d.agreement_id = a.id
            order by d.date desc, d.created_at desc limit 1) as "nextDialogueDate"
        from agreements a) a
      where ${where}
      order by ${order}
      limit ${limit}`,
  );
}

/** Agreements not ended whose latest dialogue set a next one on or before `until` (overdue ones included). */
export async function dialoguesDue(db: Db, scope: { until: string; limit: number }) {
  const rows = await agreements(
    db,
    sql`a.status <> 'ended' and a."nextDialogueDate" is not null and a."nextDialogueDate" <= ${scope.until}`,
    sql`a."nextDialogueDate", a.title, a.id`,
    scope.limit,
  );
  return section(rows);
}

/** The agreements an organisation is a partner party to: current ones first, then the latest ended. */
export async function organisationAgreements(
  db: Db,
  scope: { organisationIds: readonly string[]; limit: number },
) {
  if (!scope.organisationIds.length) return { count: 0, items: [] };
  const rows = await agreements(
    db,
    sql`exists (select 1 from agreement_parties p where p.agreement_id = a.id::uuid and p.role = 'partner'
      and p.organisation_id = any(${uuids(scope.organisationIds)}))`,
    sql`case a.status when 'active' then 0 when 'draft' then 1 else 2 end, a.start_date desc, a.title, a.id`,
    scope.limit,
  );
  return section(rows);
}

/** Calls for ideas open now, closing first, with the ideas received. */
export async function openCalls(db: Db, scope: { now: Date; limit: number }) {
  const now = scope.now.toISOString();
  const rows = await queryRows<{ id: string; title: string; closesAt: string; ideas: number; total: number }>(
    db,
    sql`select c.id::text as id, c.title, ${iso(sql`c.closes_at`)} as "closesAt",
        (select count(*) from ideas i where i.call_id = c.id)::int as ideas, (count(*) over ())::int as total
      from idea_calls c
      where c.opens_at <= ${now}::timestamptz and c.closes_at >= ${now}::timestamptz
      order by c.closes_at, c.title, c.id
      limit ${scope.limit}`,
  );
  return section(rows);
}

/**
 * The latest changes to the platform's records, from the audit log: who (the user's name), what
 * (created/updated/deleted, from the action's last word) and which record (its title or name as the log
 * kept it). Sign-ins, accounts and other entries without a record page are left out.
 */
export async function recentChanges(db: Db, scope: { kinds: readonly string[]; limit: number }) {
  if (!scope.kinds.length) return [];
  const name = (side: string) =>
    sql.raw(
      `coalesce(l.${side}->>'title', l.${side}->>'name', l.${side}->>'nameSv', l.${side}->>'name_sv', l.${side}->>'headline')`,
    );
  return queryRows<{
    at: string;
    actorName: string;
    action: string;
    entityType: string;
    entityId: string | null;
    recordName: string | null;
    deleted: boolean;
  }>(
    db,
    sql`select ${iso(sql`l.at`)} as at,
        coalesce(u.name, regexp_replace(l.actor_label, ' <[^>]*>.*$', '')) as "actorName",
        l.action, l.entity_type as "entityType", l.entity_id as "entityId",
        coalesce(${name("after")}, ${name("before")}) as "recordName",
        (l.after is null and l.before is not null) as deleted
      from audit_log l
      left join users u on u.id = l.actor_id
      where l.entity_type = any(${sql`array[${sql.join(
        scope.kinds.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[]`})
      order by l.id desc
      limit ${scope.limit}`,
  );
}

/** The latest published compass model, or null when the compass has not been used yet. */
export async function latestCompassModel(db: Db) {
  const [model] = await queryRows<{ period: string; dimensions: DimensionDefinition[] }>(
    db,
    sql`select period, dimensions from compass_model_versions order by version desc limit 1`,
  );
  return model ?? null;
}

/** Which compass dimensions a programme has no activity in this year (the compass's period rule). */
export async function compassGaps(
  db: Db,
  scope: {
    programmeIds: readonly string[];
    year: number;
    model: { period: string; dimensions: DimensionDefinition[] };
  },
) {
  if (!scope.programmeIds.length) return [];
  const { model } = scope;
  const { year } = scope;
  const from = model.period === "academic" ? `${year}-07-01` : `${year}-01-01`;
  const to = model.period === "academic" ? `${year + 1}-06-30` : `${year}-12-31`;
  const ids = uuids(scope.programmeIds);
  const rows = await queryRows<{ id: string; name: string; types: string[] | null }>(
    db,
    sql`select p.id::text as id, p.name_sv as name,
        (select array_agg(distinct a.type_key) from (
            select ap.activity_id from activity_programmes ap where ap.programme_id = p.id
            union
            select ac.activity_id from programme_courses pc join activity_courses ac on ac.course_id = pc.course_id
            where pc.programme_id = p.id) l
          join activities a on a.id = l.activity_id
          where a.status <> 'cancelled' and a.start_date <= ${to}::date
            and coalesce(a.end_date, a.start_date) >= ${from}::date) as types
      from programmes p where p.id = any(${ids})
      order by p.sort_key, p.id`,
  );
  return rows.map((p) => {
    const done = new Set(p.types ?? []);
    return {
      programmeId: p.id,
      programmeName: p.name,
      year,
      dimensions: model.dimensions
        .filter((d) => !d.activityTypes.some((t) => done.has(t)))
        .map((d) => ({ key: d.key, label: d.labelSv })),
    };
  });
}

/** The year's work steps of the programmes (goals → … → work plan) as recorded; missing steps are not started. */
export async function workSteps(db: Db, scope: { programmeIds: readonly string[]; year: number }) {
  if (!scope.programmeIds.length) return { programmes: [], steps: [] };
  const ids = uuids(scope.programmeIds);
  const programmes = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id::text as id, name_sv as name from programmes where id = any(${ids}) order by sort_key, id`,
  );
  const steps = await queryRows<{
    programmeId: string;
    step: string;
    status: string;
    startDate: string | null;
  }>(
    db,
    sql`select programme_id::text as "programmeId", step, status, start_date::text as "startDate"
      from compass_work_steps where programme_id = any(${ids}) and year = ${scope.year}`,
  );
  return { programmes, steps };
}

/** The bodies the user sits on today, as a person linked by user or e-mail. */
function seatedBodies(user: { userId: string; email: string }, today: string) {
  return sql`select m.body_id from governance_members m join people pe on pe.id = m.person_id
    where (pe.user_id = ${user.userId}::uuid or lower(pe.email) = ${user.email.toLowerCase()})
      and (m.start_date is null or m.start_date <= ${today}::date)
      and (m.end_date is null or m.end_date >= ${today}::date)`;
}

/** Whether the user sits on any body today. */
export async function hasSeats(db: Db, user: { userId: string; email: string }, today: string) {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${seatedBodies(user, today)}) b`,
  );
  return (rows[0]?.n ?? 0) > 0;
}

/** The next meetings of the bodies the user sits on. */
export async function nextMeetings(
  db: Db,
  scope: { user: { userId: string; email: string }; today: string; now: Date; limit: number },
) {
  const rows = await queryRows<{
    id: string;
    bodyId: string;
    bodyName: string;
    title: string | null;
    startsAt: string;
    place: string | null;
    total: number;
  }>(
    db,
    sql`select m.id::text as id, b.id::text as "bodyId", b.name as "bodyName", m.title,
        ${iso(sql`m.starts_at`)} as "startsAt", m.place, (count(*) over ())::int as total
      from governance_meetings m join governance_bodies b on b.id = m.body_id
      where m.body_id in (${seatedBodies(scope.user, scope.today)})
        and m.starts_at >= ${scope.now.toISOString()}::timestamptz
      order by m.starts_at, b.sort_key, m.id
      limit ${scope.limit}`,
  );
  return section(rows);
}

/**
 * The documents on the agendas of the user's bodies' coming meetings — or, when none is coming, of the
 * latest meeting that had documents (to read before its minutes are checked).
 */
export async function documentsToRead(
  db: Db,
  scope: { user: { userId: string; email: string }; today: string; now: Date; limit: number },
) {
  const now = scope.now.toISOString();
  const rows = await queryRows<{
    meetingId: string;
    meetingTitle: string | null;
    bodyName: string;
    startsAt: string;
    agendaItem: string;
    name: string;
    total: number;
  }>(
    db,
    sql`with mine as (
        select m.id, m.title, m.starts_at, b.name as body_name, b.sort_key
        from governance_meetings m join governance_bodies b on b.id = m.body_id
        where m.body_id in (${seatedBodies(scope.user, scope.today)})
          and exists (select 1 from governance_agenda_items i where i.meeting_id = m.id
            and jsonb_array_length(i.documents) > 0)),
      chosen as (
        select * from mine where starts_at >= ${now}::timestamptz
        union all
        (select * from mine where not exists (select 1 from mine where starts_at >= ${now}::timestamptz)
          order by starts_at desc limit 1))
      select c.id::text as "meetingId", c.title as "meetingTitle", c.body_name as "bodyName",
        ${iso(sql`c.starts_at`)} as "startsAt", i.title as "agendaItem", d.name,
        (count(*) over ())::int as total
      from chosen c
      join governance_agenda_items i on i.meeting_id = c.id
      cross join lateral jsonb_array_elements_text(i.documents) with ordinality as d(name, n)
      order by c.starts_at, c.sort_key, i.position, d.n
      limit ${scope.limit}`,
  );
  return section(rows);
}
