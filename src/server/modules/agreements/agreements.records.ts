import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { spendOfAgreements } from "../finance/index.ts";
import { organisations } from "../organisations/organisations.schema.ts";
import { type CourseSummary, coursesByIds } from "../programmes/index.ts";
import {
  agreementAppendix,
  agreementAppendixNeeds,
  agreementDialogues,
  agreementHistory,
  agreementNeeds,
  agreementParties,
  agreements,
} from "./agreements.schema.ts";

/** Reading an agreement and everything it holds, as rows the presenter turns into the response. */

export type AgreementRow = typeof agreements.$inferSelect;
export interface PartyRecord {
  organisationId: string;
  name: string;
  role: "university" | "partner";
  contactName: string | null;
  cofinancing: number | null;
}

export interface AgreementRecord {
  agreement: AgreementRow;
  parties: PartyRecord[];
  history: (typeof agreementHistory.$inferSelect)[];
  needs: (typeof agreementNeeds.$inferSelect)[];
  appendix: (typeof agreementAppendix.$inferSelect)[];
  links: { appendixId: string; needId: string }[];
  dialogues: (typeof agreementDialogues.$inferSelect)[];
  courses: Map<string, CourseSummary>;
  spend: { year: number; amount: number; entries: number }[];
}

/** The party organisation ids of each agreement (the subject the policy sees). */
export async function partiesOf(db: Db | Tx, agreementIds: string[]): Promise<Map<string, PartyRecord[]>> {
  const out = new Map<string, PartyRecord[]>(agreementIds.map((id) => [id, []]));
  if (!agreementIds.length) return out;
  const rows = await db
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
  for (const { agreementId, ...p } of rows)
    out.get(agreementId)?.push({ ...p, role: p.role === "university" ? "university" : "partner" });
  return out;
}

/** Partner parties only: who the agreement is with (and whose partner users see it). */
export const partnerIds = (parties: PartyRecord[]) =>
  parties.filter((p) => p.role === "partner").map((p) => p.organisationId);

/** The agreement and its parties, locked for update inside a write; 404 when it does not exist. */
export async function findAgreement(db: Db | Tx, id: string, lock = false) {
  const query = db.select().from(agreements).where(eq(agreements.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  const parties = (await partiesOf(db, [id])).get(id) ?? [];
  return { agreement: row, parties, subject: { partyIds: partnerIds(parties) } };
}

export async function loadAgreement(db: Db | Tx, id: string): Promise<AgreementRecord> {
  const { agreement, parties } = await findAgreement(db, id);
  const [history, needs, appendix, links, dialogues, spend] = await Promise.all([
    db
      .select()
      .from(agreementHistory)
      .where(eq(agreementHistory.agreementId, id))
      .orderBy(asc(agreementHistory.changedAt), asc(agreementHistory.id)),
    db
      .select()
      .from(agreementNeeds)
      .where(eq(agreementNeeds.agreementId, id))
      .orderBy(asc(agreementNeeds.createdAt), asc(agreementNeeds.id)),
    db
      .select()
      .from(agreementAppendix)
      .where(eq(agreementAppendix.agreementId, id))
      .orderBy(asc(agreementAppendix.createdAt), asc(agreementAppendix.id)),
    db
      .select({ appendixId: agreementAppendixNeeds.appendixId, needId: agreementAppendixNeeds.needId })
      .from(agreementAppendixNeeds)
      .innerJoin(agreementAppendix, eq(agreementAppendix.id, agreementAppendixNeeds.appendixId))
      .where(eq(agreementAppendix.agreementId, id)),
    db
      .select()
      .from(agreementDialogues)
      .where(eq(agreementDialogues.agreementId, id))
      .orderBy(asc(agreementDialogues.date), asc(agreementDialogues.id)),
    spendOfAgreements(db, [id]),
  ]);
  const courses = await coursesByIds(
    db,
    appendix.map((r) => r.courseId),
  );
  return { agreement, parties, history, needs, appendix, links, dialogues, courses, spend };
}

/** Appendix rows of the agreement with the same course in the same term (the rule "a course once per term"). */
export async function courseInTerm(tx: Tx, agreementId: string, courseId: string, term: string) {
  const [row] = await tx
    .select({ id: agreementAppendix.id })
    .from(agreementAppendix)
    .where(
      and(
        eq(agreementAppendix.agreementId, agreementId),
        eq(agreementAppendix.courseId, courseId),
        eq(agreementAppendix.term, term),
      ),
    );
  return row ?? null;
}

/** The needs of the agreement among `ids` (others are refused by the caller). */
export async function needsOfAgreement(tx: Tx, agreementId: string, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: agreementNeeds.id })
    .from(agreementNeeds)
    .where(and(eq(agreementNeeds.agreementId, agreementId), inArray(agreementNeeds.id, ids)));
}

/** Courses read in more than one agreement, among the agreements `where` allows. */
export async function sharedCourseRows(db: Db) {
  return db
    .select({
      courseId: agreementAppendix.courseId,
      agreementIds: sql<string[]>`array_agg(distinct ${agreementAppendix.agreementId}::text)`,
      organisationIds: sql<string[]>`array_agg(distinct ${agreementParties.organisationId}::text)`,
      places: sql<number>`(select coalesce(sum(a2.places), 0)::int from agreement_appendix a2 where a2.course_id = ${agreementAppendix.courseId})`,
    })
    .from(agreementAppendix)
    .innerJoin(
      agreementParties,
      and(
        eq(agreementParties.agreementId, agreementAppendix.agreementId),
        eq(agreementParties.role, "partner"),
      ),
    )
    .groupBy(agreementAppendix.courseId)
    .having(sql`count(distinct ${agreementAppendix.agreementId}) > 1`);
}
