import { inArray } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { activities } from "../modules/activities/activities.schema.ts";
import { agreements } from "../modules/agreements/agreements.schema.ts";
import { ideaCalls, ideas } from "../modules/ideas/ideas.schema.ts";
import { indicators } from "../modules/indicators/indicators.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";
import { people } from "../modules/people/people.schema.ts";
import { plans } from "../modules/plans/plans.schema.ts";
import { courses, programmes } from "../modules/programmes/programmes.schema.ts";
import { projects } from "../modules/projects/projects.schema.ts";
import { users } from "../platform/platform.schema.ts";

/**
 * The names of the records an audit page names (issue 15): "ändrade roller för Bo Berg", not an id.
 * Reads only; records that no longer exist simply have no name here (the log then falls back on the
 * values it kept, or on the record's noun).
 */
export async function namesOfAuditedRecords(
  db: Db | Tx,
  refs: { entityType: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const r of refs) {
    if (!r.entityId || !/^[0-9a-f-]{36}$/i.test(r.entityId)) continue;
    if (!byType.has(r.entityType)) byType.set(r.entityType, new Set());
    byType.get(r.entityType)?.add(r.entityId);
  }
  const names = new Map<string, string>();
  const ids = (type: string) => [...(byType.get(type) ?? [])];
  const lookups: Promise<{ id: string; name: string }[]>[] = [];
  const add = (
    type: string | string[],
    query: (list: string[]) => Promise<{ id: string; name: string }[]>,
  ) => {
    const list = (Array.isArray(type) ? type : [type]).flatMap(ids);
    if (list.length) lookups.push(query(list));
  };
  add("user", (l) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, l)));
  add("person", (l) =>
    db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, l)),
  );
  add("organisation", (l) =>
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, l)),
  );
  add("programme", (l) =>
    db
      .select({ id: programmes.id, name: programmes.nameSv })
      .from(programmes)
      .where(inArray(programmes.id, l)),
  );
  add("course", (l) =>
    db.select({ id: courses.id, name: courses.nameSv }).from(courses).where(inArray(courses.id, l)),
  );
  add("project", (l) =>
    db.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, l)),
  );
  add(["activity", "event"], (l) =>
    db
      .select({ id: activities.id, name: activities.title })
      .from(activities)
      .where(inArray(activities.id, l)),
  );
  add("agreement", (l) =>
    db
      .select({ id: agreements.id, name: agreements.title })
      .from(agreements)
      .where(inArray(agreements.id, l)),
  );
  add("idea", (l) => db.select({ id: ideas.id, name: ideas.title }).from(ideas).where(inArray(ideas.id, l)));
  add("idea_call", (l) =>
    db.select({ id: ideaCalls.id, name: ideaCalls.title }).from(ideaCalls).where(inArray(ideaCalls.id, l)),
  );
  add("indicator", (l) =>
    db.select({ id: indicators.id, name: indicators.name }).from(indicators).where(inArray(indicators.id, l)),
  );
  add("plan", (l) => db.select({ id: plans.id, name: plans.title }).from(plans).where(inArray(plans.id, l)));
  for (const rows of await Promise.all(lookups)) for (const row of rows) names.set(row.id, row.name);
  return names;
}
