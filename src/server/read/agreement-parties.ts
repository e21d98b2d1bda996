import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { agreementParties } from "../modules/agreements/agreements.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";

/**
 * The parties of agreements with their organisations' names (read layer, decision 011): cross-module because
 * the parties are the agreements module's rows and the names the organisation register's, joined so the list is
 * one query in role, then Swedish name, order. The agreements module decides who reads it.
 */
export function agreementPartyRows(db: Db | Tx, agreementIds: string[]) {
  return db
    .select({
      agreementId: agreementParties.agreementId,
      organisationId: agreementParties.organisationId,
      name: organisations.name,
      role: agreementParties.role,
      contactName: agreementParties.contactName,
      cofinancing: agreementParties.cofinancing,
    })
    .from(agreementParties)
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(inArray(agreementParties.agreementId, agreementIds))
    .orderBy(asc(agreementParties.role), asc(organisations.sortKey));
}
