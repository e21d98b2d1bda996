import { sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../db/client.ts";

/**
 * The communication module's audience, as rows: active newsletter subscribers, and event participants
 * (one row per e-mail address) who consented to future invitations, with the themes, organisation types and
 * municipalities of their subscription and of the events they registered for, and their past attendance.
 * Cross-module because the participants are the events module's registrations and the organisation types the
 * organisations module's (read layer, decision 011). Unsubscribed addresses are not removed here; no
 * authorisation here (the communication service authorises its reader).
 */
export type AudienceRow = {
  email: string;
  name: string | null;
  source: "subscriber" | "participant";
  themes: string[] | null;
  org_types: string[] | null;
  municipalities: string[] | null;
  attended_events: string[] | null;
  attended_series: string[] | null;
};

export async function audienceRows(db: Db | Tx): Promise<AudienceRow[]> {
  return queryRows<AudienceRow>(
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
}
