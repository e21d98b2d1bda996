import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.ts";

/**
 * Feedback across events, grouped by event, series, theme or activity type: per group its label, the events
 * with answers, the answers, the average rating and the distribution of ratings 1–5 (most answers first).
 * Cross-module because an event's title and type, and the type's Swedish label, are the activities module's
 * rows (read layer, decision 011). No authorisation here: the events module authorises the organiser.
 */
export type FeedbackSummaryRow = {
  key: string | null;
  label: string | null;
  events: number;
  responses: number;
  avg: number | null;
  d: number[];
};

export async function feedbackSummaryRows(db: Db, by: "event" | "series" | "theme" | "type") {
  const group = {
    event: { key: sql`a.id::text`, label: sql`min(a.title)` },
    series: { key: sql`es.id::text`, label: sql`min(es.name)` },
    theme: { key: sql`e.theme`, label: sql`min(e.theme)` },
    type: { key: sql`a.type_key`, label: sql`min(t.label_sv)` },
  }[by];
  return queryRows<FeedbackSummaryRow>(
    db,
    sql`select ${group.key} as key, ${group.label} as label,
          count(distinct f.event_id)::int as events, count(*)::int as responses, avg(f.rating)::float8 as avg,
          array[count(*) filter (where f.rating = 1), count(*) filter (where f.rating = 2), count(*) filter (where f.rating = 3),
                count(*) filter (where f.rating = 4), count(*) filter (where f.rating = 5)]::int[] as d
        from event_feedback f
        join events e on e.activity_id = f.event_id
        join activities a on a.id = e.activity_id
        join activity_types t on t.key = a.type_key
        left join event_series es on es.id = e.series_id
        group by ${group.key}
        order by responses desc`,
  );
}
