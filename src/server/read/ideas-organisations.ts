import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { ideaCalls, ideas } from "../modules/ideas/ideas.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";

/**
 * Ideas across calls by the submitter's organisation and its party, the most ideas first (read layer,
 * decision 011): cross-module because the ideas are the ideas module's rows and the organisation and its type
 * (the party) the organisation register's, matched and grouped in one query. The register's organisation is the
 * idea's match, else one of the same name as the submitter wrote. The ideas module decides who reads it.
 */
export function ideaCountsByOrganisation(db: Db, callId?: string) {
  const organisation = sql<string>`coalesce(${organisations.name}, nullif(trim(${ideas.organisationText}), ''), '')`;
  return db
    .select({
      organisation,
      party: sql<string | null>`${organisations.type}`,
      submitted: sql<number>`count(*)::int`,
      granted: sql<number>`count(*) filter (where ${ideas.stage} = 'granted')::int`,
    })
    .from(ideas)
    .innerJoin(ideaCalls, eq(ideaCalls.id, ideas.callId))
    .leftJoin(
      organisations,
      sql`${organisations.id} = coalesce(${ideas.organisationId}, (
        select o.id from ${organisations} o where lower(o.name) = lower(trim(${ideas.organisationText}))
        order by o.id limit 1))`,
    )
    .where(callId ? eq(ideas.callId, callId) : undefined)
    .groupBy(sql`1, 2`)
    .orderBy(sql`3 desc, 1`);
}
