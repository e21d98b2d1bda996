import { and, asc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../db/client.ts";
import { governanceMembers } from "../modules/governance/governance.schema.ts";
import { organisations } from "../modules/organisations/organisations.schema.ts";
import { people } from "../modules/people/people.schema.ts";

/**
 * Members of governance bodies as people (read layer, decision 011): cross-module because the seats are the
 * governance module's rows and who sits in them the people register's (name, e-mail, user), joined so each
 * answer is one query. The governance module decides who reads it.
 */

const party = alias(organisations, "party");

/** A body's members with their names and parties, by party, then person, in Swedish order. */
export function memberRowsOf(db: Db | Tx, bodyId: string) {
  return db
    .select({ m: governanceMembers, personName: people.name, partyName: party.name })
    .from(governanceMembers)
    .innerJoin(people, eq(people.id, governanceMembers.personId))
    .leftJoin(party, eq(party.id, governanceMembers.partyOrganisationId))
    .where(eq(governanceMembers.bodyId, bodyId))
    .orderBy(asc(party.sortKey), asc(people.sortKey), asc(governanceMembers.id));
}

/** People who sit in a body on the day (no end, or an end on or after it): id, name and e-mail, once each. */
export function currentMemberContacts(db: Db | Tx, bodyId: string, today: string) {
  return db
    .selectDistinct({ personId: people.id, name: people.name, email: people.email })
    .from(governanceMembers)
    .innerJoin(people, eq(people.id, governanceMembers.personId))
    .where(
      and(
        eq(governanceMembers.bodyId, bodyId),
        or(isNull(governanceMembers.endDate), gte(governanceMembers.endDate, today)),
      ),
    );
}

/** The seats held on the day by the person who is this user (through `people.user_id` or the e-mail). */
export function seatRowsOf(db: Db | Tx, user: { userId: string; email: string }, today: string) {
  return db
    .select({ bodyId: governanceMembers.bodyId, role: governanceMembers.role })
    .from(governanceMembers)
    .innerJoin(people, eq(people.id, governanceMembers.personId))
    .where(
      and(
        or(eq(people.userId, user.userId), eq(people.email, user.email.toLowerCase())),
        or(isNull(governanceMembers.startDate), lte(governanceMembers.startDate, today)),
        or(isNull(governanceMembers.endDate), gte(governanceMembers.endDate, today)),
      ),
    );
}
