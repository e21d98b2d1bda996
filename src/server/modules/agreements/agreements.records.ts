import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { agreementPartyRows } from "../../read/agreement-parties.ts";
import { spendOfAgreements } from "../finance/index.ts";
import { type CourseSummary, coursesByIds } from "../programmes/index.ts";
import {
  agreementAppendix,
  agreementAppendixNeeds,
  agreementDialogueComments,
  agreementDialogues,
  agreementHistory,
  agreementNeeds,
  agreementPlans,
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
  comments: (typeof agreementDialogueComments.$inferSelect)[];
  plans: (typeof agreementPlans.$inferSelect)[];
  courses: Map<string, CourseSummary>;
  spend: { year: number; amount: number; entries: number }[];
}

/** The party organisation ids of each agreement (the subject the policy sees). */
export async function partiesOf(db: Db | Tx, agreementIds: string[]): Promise<Map<string, PartyRecord[]>> {
  const out = new Map<string, PartyRecord[]>(agreementIds.map((id) => [id, []]));
  if (!agreementIds.length) return out;
  const rows = await agreementPartyRows(db, agreementIds);
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
  const [history, needs, appendix, links, dialogues, comments, plans, spend] = await Promise.all([
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
    db
      .select({ comment: agreementDialogueComments })
      .from(agreementDialogueComments)
      .innerJoin(agreementDialogues, eq(agreementDialogues.id, agreementDialogueComments.dialogueId))
      .where(eq(agreementDialogues.agreementId, id))
      .orderBy(asc(agreementDialogueComments.createdAt), asc(agreementDialogueComments.id))
      .then((rows) => rows.map((r) => r.comment)),
    db
      .select()
      .from(agreementPlans)
      .where(eq(agreementPlans.agreementId, id))
      .orderBy(asc(agreementPlans.createdAt), asc(agreementPlans.id)),
    spendOfAgreements(db, [id]),
  ]);
  const courses = await coursesByIds(
    db,
    appendix.map((r) => r.courseId),
  );
  return { agreement, parties, history, needs, appendix, links, dialogues, comments, plans, courses, spend };
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

/**
 * Courses read in more than one agreement, with their agreements, summed places and partner
 * organisations. One pass over the appendix grouped by course (uuid comparisons, cast to text only
 * after the aggregate; the covering index agreement_appendix_course_idx can feed it in order), then the
 * partner parties of just those agreements in one query, joined here. The former single query (a
 * correlated sum per course and a join of every row with its parties before grouping) was twice as slow.
 */
export async function sharedCourseRows(db: Db) {
  const courses = await queryRows<{ courseId: string; agreementIds: string[]; places: number }>(
    db,
    sql`select course_id::text as "courseId", array_agg(distinct agreement_id)::text[] as "agreementIds",
        sum(places)::int as places
      from agreement_appendix group by course_id having count(distinct agreement_id) > 1`,
  );
  const ids = [...new Set(courses.flatMap((c) => c.agreementIds))];
  const parties = ids.length
    ? await queryRows<{ agreementId: string; organisationId: string }>(
        db,
        sql`select agreement_id::text as "agreementId", organisation_id::text as "organisationId"
          from agreement_parties where role = 'partner' and agreement_id = any(${`{${ids.join(",")}}`}::uuid[])`,
      )
    : [];
  const partnersOf = new Map<string, string[]>();
  for (const p of parties)
    partnersOf.set(p.agreementId, [...(partnersOf.get(p.agreementId) ?? []), p.organisationId]);
  return courses.map((c) => ({
    ...c,
    organisationIds: [...new Set(c.agreementIds.flatMap((id) => partnersOf.get(id) ?? []))],
  }));
}
