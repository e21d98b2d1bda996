import { and, asc, desc, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import {
  type CreateDecisionInput,
  createDecisionInput,
  type DecisionView,
  type UpdateDecisionInput,
  updateDecisionInput,
} from "../../../common/governance.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type Actor, isStaff } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, fieldErrors, notFound } from "../../platform/errors.ts";
import { decodeCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { likePattern } from "../../platform/sql.ts";
import { parseWith } from "../../platform/validation.ts";
import {
  fundingOfDecisions,
  fundProjectByDecision,
  linkFundingToDecision,
  setDecisionFundingAmount,
} from "../projects/index.ts";
import { governancePolicy, standingNone } from "./governance.policy.ts";
import {
  governanceAgendaItems,
  governanceBodies,
  governanceDecisions,
  governanceMeetings,
} from "./governance.schema.ts";
import type { MeetingRow } from "./meetings.service.ts";
import { insertRegistryEntry } from "./registry.service.ts";
import { seatsOf, standingIn } from "./standing.ts";

/** Decisions: recorded in a meeting's minutes, numbered § per meeting and registered in the diarium. */

type DecisionRow = typeof governanceDecisions.$inferSelect;

const stockholmDate = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

type Funded = DecisionView["fundedProjects"];

function present(
  row: DecisionRow,
  bodyName: string,
  meeting: { startsAt: Date; approvedAt: Date | null },
  fundedProjects: Funded = [],
): DecisionView {
  return {
    id: row.id,
    meetingId: row.meetingId,
    bodyId: row.bodyId,
    bodyName,
    meetingDate: stockholmDate(meeting.startsAt),
    paragraph: row.paragraph,
    title: row.title,
    text: row.text,
    kind: row.kind as DecisionView["kind"],
    amount: row.amount,
    links: row.links,
    public: row.public,
    registryNumber: row.registryNumber,
    locked: !!meeting.approvedAt,
    fundedProjects,
  };
}

async function fundedBy(db: Db | Tx, ids: string[]) {
  const byDecision = new Map<string, Funded>();
  for (const f of await fundingOfDecisions(db, ids)) {
    const list = byDecision.get(f.decisionId as string) ?? [];
    list.push({ projectId: f.projectId, projectName: f.projectName, amount: f.amount });
    byDecision.set(f.decisionId as string, list);
  }
  return byDecision;
}

/**
 * A grant funds the portfolio: a linked funding line ({type: "funding"}) is that grant's money and
 * gets the decision's link; otherwise the one linked project gets a new funding line of the amount.
 */
async function fundGrant(tx: Tx, row: DecisionRow, organisationId: string, year: number) {
  if (row.kind !== "grant" || !row.amount) return;
  const fundingLinks = row.links.filter((l) => l.type === "funding");
  for (const link of fundingLinks)
    if (!(await linkFundingToDecision(tx, link.id, row.id)))
      throw fieldErrors({ links: "governance.errors.unknownFunding" });
  if (fundingLinks.length) return;
  const projectLinks = row.links.filter((l) => l.type === "project");
  if (projectLinks.length > 1) throw fieldErrors({ links: "governance.errors.grantOneProject" });
  if (!projectLinks.length) return;
  await fundProjectByDecision(tx, {
    projectId: projectLinks[0].id,
    decisionId: row.id,
    amount: row.amount,
    year,
    funderOrganisationId: organisationId,
    note: `Beslut ${row.registryNumber ?? ""} § ${row.paragraph}`.trim(),
  });
}

/** Insiders see every decision of a meeting; others the public ones, once the minutes are approved. */
export async function decisionsOfMeeting(db: Db | Tx, meeting: MeetingRow, insider: boolean) {
  if (!insider && !meeting.approvedAt) return [];
  const rows = await db
    .select()
    .from(governanceDecisions)
    .where(
      and(
        eq(governanceDecisions.meetingId, meeting.id),
        insider ? undefined : eq(governanceDecisions.public, true),
      ),
    )
    .orderBy(asc(governanceDecisions.paragraph));
  const funded = await fundedBy(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, meeting.bodyName, meeting, funded.get(r.id)));
}

const locked = () =>
  new AppError(
    "conflict",
    "governance.errors.minutesApproved",
    {},
    {
      minutes: [{ key: "governance.errors.minutesApproved" }],
    },
  );

async function lockMeeting(tx: Tx, meetingId: string) {
  const [row] = await tx
    .select({
      m: governanceMeetings,
      bodyName: governanceBodies.name,
      organisationId: governanceBodies.organisationId,
    })
    .from(governanceMeetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, governanceMeetings.bodyId))
    .where(eq(governanceMeetings.id, meetingId))
    .for("update", { of: governanceMeetings });
  return row ?? null;
}

export async function createDecision(
  db: Db,
  actor: Actor | null,
  meetingId: string,
  input: CreateDecisionInput,
) {
  const seats = await seatsOf(db, actor);
  const data = parseWith(createDecisionInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const found = await lockMeeting(tx, meetingId);
    const standing = standingIn(seats, found?.m.bodyId ?? "", found?.m.public ?? false);
    authorize(actor, governancePolicy, "readMeeting", standing);
    if (!found) throw notFound();
    authorize(actor, governancePolicy, "manageMeeting", standing);
    const { m: meeting, bodyName, organisationId } = found;
    if (meeting.approvedAt) throw locked();
    if (data.agendaItemId) {
      const [item] = await tx
        .select({ id: governanceAgendaItems.id })
        .from(governanceAgendaItems)
        .where(
          and(
            eq(governanceAgendaItems.id, data.agendaItemId),
            eq(governanceAgendaItems.meetingId, meetingId),
          ),
        );
      if (!item) throw fieldErrors({ agendaItemId: "governance.errors.unknownAgendaItem" });
    }
    const kind = data.kind ?? (data.amount ? "grant" : "other");
    if (kind === "grant" && !data.amount) throw fieldErrors({ amount: "governance.errors.grantAmount" });
    // The meeting row is locked: § numbers follow each other without gaps or duplicates.
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${governanceDecisions.paragraph}), 0) + 1` })
      .from(governanceDecisions)
      .where(eq(governanceDecisions.meetingId, meetingId));
    const entry = await insertRegistryEntry(tx, {
      organisationId,
      bodyId: meeting.bodyId,
      title: data.title,
      date: stockholmDate(meeting.startsAt),
      direction: "internal",
      documentType: "decision",
      confidential: false,
      files: [],
    });
    const [row] = await tx
      .insert(governanceDecisions)
      .values({
        meetingId,
        bodyId: meeting.bodyId,
        paragraph: Number(next),
        agendaItemId: data.agendaItemId ?? null,
        title: data.title,
        text: data.text,
        kind,
        amount: data.amount ?? null,
        links: data.links,
        public: data.public,
        registryEntryId: entry.id,
        registryNumber: entry.registryNumber,
      })
      .returning();
    await fundGrant(tx, row, organisationId, meeting.startsAt.getUTCFullYear());
    await audit({ action: "create", entityType: "governance_decision", entityId: row.id, after: row });
    return present(row, bodyName, meeting, (await fundedBy(tx, [row.id])).get(row.id));
  });
}

export async function updateDecision(db: Db, actor: Actor | null, id: string, input: UpdateDecisionInput) {
  const seats = await seatsOf(db, actor);
  const data = parseWith(updateDecisionInput, input);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [decision] = await tx.select().from(governanceDecisions).where(eq(governanceDecisions.id, id));
    const found = decision ? await lockMeeting(tx, decision.meetingId) : null;
    const standing = standingIn(seats, decision?.bodyId ?? "", !!found?.m.approvedAt && !!decision?.public);
    authorize(actor, governancePolicy, "readMeeting", standing);
    if (!decision || !found) throw notFound();
    authorize(actor, governancePolicy, "manageMeeting", standing);
    if (found.m.approvedAt) throw locked();
    const kind = data.kind ?? decision.kind;
    const amount = data.amount === undefined ? decision.amount : data.amount;
    if (kind === "grant" && !amount) throw fieldErrors({ amount: "governance.errors.grantAmount" });
    const [row] = await tx
      .update(governanceDecisions)
      .set({
        ...(data.title !== undefined ? { title: data.title } : {}),
        ...(data.text !== undefined ? { text: data.text } : {}),
        ...(data.links !== undefined ? { links: data.links } : {}),
        ...(data.public !== undefined ? { public: data.public } : {}),
        kind,
        amount: amount ?? null,
        updatedAt: new Date(),
      })
      .where(eq(governanceDecisions.id, id))
      .returning();
    const projectLinks = row.links.filter((l) => l.type === "project");
    if (row.kind === "grant" && row.amount && row.amount !== decision.amount && projectLinks.length === 1)
      await setDecisionFundingAmount(tx, id, projectLinks[0].id, row.amount);
    await audit({
      action: "update",
      entityType: "governance_decision",
      entityId: id,
      before: decision,
      after: row,
    });
    return present(row, found.bodyName, found.m, (await fundedBy(tx, [id])).get(id));
  });
}

/** The decision register: per body and year, searchable; outsiders see public decisions of approved minutes. */
export async function listDecisions(
  db: Db,
  actor: Actor | null,
  query: { bodyId?: string; year?: number; q?: string; limit: number; cursor?: string },
) {
  authorize(actor, governancePolicy, "listDecisions", standingNone);
  const seats = await seatsOf(db, actor);
  const d = governanceDecisions;
  const m = governanceMeetings;
  const mine = [...seats.keys()];
  const outsiderRule = and(eq(d.public, true), isNotNull(m.approvedAt));
  const visible = isStaff(actor)
    ? undefined
    : mine.length
      ? or(outsiderRule, inArray(d.bodyId, mine))
      : outsiderRule;
  const pattern = query.q ? likePattern(query.q) : null;
  const cursor = decodeCursor(query.cursor);
  const sortValue = sql<string>`to_char(${m.startsAt}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') || '#' || lpad(${d.paragraph}::text, 6, '0')`;
  const rows = await db
    .select({ d, startsAt: m.startsAt, approvedAt: m.approvedAt, bodyName: governanceBodies.name, sortValue })
    .from(d)
    .innerJoin(m, eq(m.id, d.meetingId))
    .innerJoin(governanceBodies, eq(governanceBodies.id, d.bodyId))
    .where(
      and(
        visible,
        query.bodyId ? eq(d.bodyId, query.bodyId) : undefined,
        query.year
          ? sql`${m.startsAt} >= ${`${query.year}-01-01T00:00:00Z`} and ${m.startsAt} < ${`${query.year + 1}-01-01T00:00:00Z`}`
          : undefined,
        // The trigram index's expression (governance_decisions_trgm), so the index answers the search.
        pattern
          ? sql`(${d.title} || ' ' || ${d.text} || ' ' || coalesce(${d.registryNumber}, '')) ilike ${pattern}`
          : undefined,
        cursor ? lt(sortValue, String(cursor.sortValue)) : undefined,
      ),
    )
    .orderBy(desc(m.startsAt), desc(d.paragraph))
    .limit(query.limit + 1);
  const result = page(rows, query.limit, (r) => encodeCursor(r.sortValue, r.d.id));
  const funded = await fundedBy(
    db,
    result.items.map((r) => r.d.id),
  );
  return {
    items: result.items.map((r) => present(r.d, r.bodyName, r, funded.get(r.d.id))),
    nextCursor: result.nextCursor,
  };
}

/**
 * What a grant elsewhere (an idea of a call) needs to know of the board's decision that grants it:
 * kind, amount, registry number, body and year. Plain facts, no authorisation: the caller authorises
 * its own write, and a decision's existence and number are public (its entry is in the registry).
 */
export async function decisionForGrant(db: Db | Tx, id: string) {
  const [row] = await db
    .select({
      id: governanceDecisions.id,
      kind: governanceDecisions.kind,
      amount: governanceDecisions.amount,
      registryNumber: governanceDecisions.registryNumber,
      bodyName: governanceBodies.name,
      startsAt: governanceMeetings.startsAt,
    })
    .from(governanceDecisions)
    .innerJoin(governanceMeetings, eq(governanceMeetings.id, governanceDecisions.meetingId))
    .innerJoin(governanceBodies, eq(governanceBodies.id, governanceDecisions.bodyId))
    .where(eq(governanceDecisions.id, id));
  return row ? { ...row, year: row.startsAt.getUTCFullYear() } : null;
}
