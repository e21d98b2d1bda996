import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { governanceBodies } from "../modules/governance/governance.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";

/**
 * Governance bodies with their organisation's name and member count (read layer, decision 011): cross-module
 * because the bodies are the governance module's rows and the names the organisation register's, joined so a list
 * is one query in the organisations' Swedish order. The governance module decides who reads it.
 */
export function bodyRowsWithOrganisation(db: Db | Tx, where: SQL | undefined) {
  return db
    .select({
      body: governanceBodies,
      organisationName: organisations.name,
      memberCount: sql<number>`(select count(*)::int from governance_members m where m.body_id = ${governanceBodies.id})`,
    })
    .from(governanceBodies)
    .innerJoin(organisations, eq(organisations.id, governanceBodies.organisationId))
    .where(where)
    .orderBy(asc(organisations.sortKey), asc(governanceBodies.sortKey), asc(governanceBodies.id));
}
