import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { RecipientView, SegmentCriteria } from "../../../common/communication.ts";
import { type Db, queryRows, type Tx } from "../../db/client.ts";

/**
 * Who a mailing reaches: active newsletter subscribers and event participants who consented to
 * future invitations, each address once, minus every address that unsubscribed. A contact's themes,
 * organisation types and municipalities come from their subscription and from the events they
 * registered for; past attendance from check-ins.
 */
interface Contact {
  email: string;
  name: string | null;
  sources: ("subscriber" | "participant")[];
  themes: string[];
  organisationTypes: string[];
  municipalities: string[];
  attendedEvents: string[];
  attendedSeries: string[];
}

type Row = {
  email: string;
  name: string | null;
  source: "subscriber" | "participant";
  themes: string[] | null;
  org_types: string[] | null;
  municipalities: string[] | null;
  attended_events: string[] | null;
  attended_series: string[] | null;
};

async function contacts(db: Db | Tx): Promise<Contact[]> {
  const rows = await queryRows<Row>(
    db,
    sql`with attendance as (
          select r.email,
                 array_agg(distinct r.event_id::text) filter (where r.attended_at is not null) as attended_events,
                 array_agg(distinct e.series_id::text) filter (where r.attended_at is not null and e.series_id is not null) as attended_series,
                 array_agg(distinct e.theme) filter (where e.theme is not null) as themes,
                 array_agg(distinct o.type) filter (where o.type is not null) as org_types,
                 array_agg(distinct r.municipality) filter (where r.municipality is not null) as municipalities,
                 bool_or(r.consent_invitations) as consented,
                 max(r.name) as name
          from event_registrations r
          join events e on e.activity_id = r.event_id
          left join organisations o on o.id = r.organisation_id
          where r.email is not null
          group by r.email
        )
        select s.email, s.name, 'subscriber' as source,
               coalesce((select array_agg(x) from jsonb_array_elements_text(s.themes) x), '{}') || coalesce(a.themes, '{}') as themes,
               array_remove(array[s.organisation_type], null) || coalesce(a.org_types, '{}') as org_types,
               array_remove(array[s.municipality], null) || coalesce(a.municipalities, '{}') as municipalities,
               a.attended_events, a.attended_series
        from newsletter_subscribers s left join attendance a on a.email = s.email
        where s.status = 'active'
        union all
        select a.email, a.name, 'participant', a.themes, a.org_types, a.municipalities, a.attended_events, a.attended_series
        from attendance a where a.consented`,
  );
  const suppressed = new Set(
    (await queryRows<{ email: string }>(db, sql`select email from mail_suppressions`)).map((r) => r.email),
  );
  const byEmail = new Map<string, Contact>();
  for (const r of rows) {
    if (suppressed.has(r.email)) continue;
    const c = byEmail.get(r.email) ?? {
      email: r.email,
      name: r.name,
      sources: [],
      themes: [],
      organisationTypes: [],
      municipalities: [],
      attendedEvents: [],
      attendedSeries: [],
    };
    c.name ??= r.name;
    if (!c.sources.includes(r.source)) c.sources.push(r.source);
    c.themes.push(...(r.themes ?? []));
    c.organisationTypes.push(...(r.org_types ?? []));
    c.municipalities.push(...(r.municipalities ?? []));
    c.attendedEvents.push(...(r.attended_events ?? []));
    c.attendedSeries.push(...(r.attended_series ?? []));
    byEmail.set(r.email, c);
  }
  return [...byEmail.values()];
}

const fold = (v: string) => v.trim().toLocaleLowerCase("sv");
/** Empty = no filter; otherwise one of the wanted values must be among the contact's. */
function matches(wanted: string[], have: string[]) {
  if (!wanted.length) return true;
  const set = new Set(have.map(fold));
  return wanted.some((w) => set.has(fold(w)));
}

/** Exactly who receives a mailing with these criteria, sorted by address. */
export async function recipientsOf(db: Db | Tx, criteria: SegmentCriteria): Promise<RecipientView[]> {
  return select(await contacts(db), criteria);
}

function select(all: Contact[], criteria: SegmentCriteria): RecipientView[] {
  return all
    .filter(
      (c) =>
        criteria.sources === "both" ||
        c.sources.includes(criteria.sources === "subscribers" ? "subscriber" : "participant"),
    )
    .filter((c) => matches(criteria.themes, c.themes))
    .filter((c) => matches(criteria.organisationTypes, c.organisationTypes))
    .filter((c) => matches(criteria.municipalities, c.municipalities))
    .filter(
      (c) =>
        (!criteria.attendedEventIds.length && !criteria.attendedSeriesIds.length) ||
        criteria.attendedEventIds.some((id) => c.attendedEvents.includes(id)) ||
        criteria.attendedSeriesIds.some((id) => c.attendedSeries.includes(id)),
    )
    .map((c) => ({ email: c.email, name: c.name, sources: c.sources }))
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}

/** A digest of the exact list: what the sender previewed must be what goes out. */
export function recipientsDigest(recipients: { email: string }[]) {
  return createHash("sha256")
    .update(recipients.map((r) => r.email).join("\n"))
    .digest("hex")
    .slice(0, 32);
}

const noFilter: SegmentCriteria = {
  themes: [],
  organisationTypes: [],
  municipalities: [],
  attendedEventIds: [],
  attendedSeriesIds: [],
  sources: "both",
};

/**
 * The audiences a mailing can go to (issue 15: chosen, not typed), each with how many it reaches today:
 * everyone, subscribers, participants, one per theme and per kind of organisation the contacts have,
 * then the saved segments. Ids of offered ones say what they are (`theme:Hållbarhet`); saved ones are
 * the segment's id. Counts use the same rule as the preview, so they agree with it.
 */
export async function audienceChoices(
  db: Db | Tx,
  saved: { id: string; name: string; criteria: SegmentCriteria }[],
  organisationTypeLabel: (key: string) => string,
) {
  const all = await contacts(db);
  const distinct = (pick: (c: Contact) => string[]) =>
    [...new Map(all.flatMap(pick).map((v) => [fold(v), v.trim()])).values()].sort((a, b) =>
      a.localeCompare(b, "sv"),
    );
  const offered: { id: string; label: string; criteria: SegmentCriteria; saved: boolean }[] = [
    { id: "all", label: "Alla kontakter", criteria: noFilter, saved: false },
    {
      id: "subscribers",
      label: "Prenumeranter på nyhetsbrevet",
      criteria: { ...noFilter, sources: "subscribers" },
      saved: false,
    },
    {
      id: "participants",
      label: "Deltagare som vill ha inbjudningar",
      criteria: { ...noFilter, sources: "participants" },
      saved: false,
    },
    ...distinct((c) => c.themes).map((theme) => ({
      id: `theme:${theme}`,
      label: `Intresserade av ${theme}`,
      criteria: { ...noFilter, themes: [theme] },
      saved: false,
    })),
    ...distinct((c) => c.organisationTypes).map((type) => ({
      id: `organisationType:${type}`,
      label: `Kontakter från ${organisationTypeLabel(type).toLocaleLowerCase("sv")}`,
      criteria: { ...noFilter, organisationTypes: [type] },
      saved: false,
    })),
    ...saved.map((s) => ({ id: s.id, label: s.name, criteria: s.criteria, saved: true })),
  ];
  return offered.map((o) => ({ ...o, count: select(all, o.criteria).length }));
}
