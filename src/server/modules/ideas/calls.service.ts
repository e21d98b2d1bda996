import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  type callListQuery,
  type createCallInput,
  defaultCriteria,
  defaultTemplate,
  ideaStages,
} from "../../../common/ideas.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { abilities, authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { afterCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { searchActiveUsers, userNames } from "../accounts/index.ts";
import { organisationNames } from "../organisations/index.ts";
import { callPolicy, publicCallPolicy } from "./ideas.policy.ts";
import { ideaCallReviewers, ideaCalls, ideas } from "./ideas.schema.ts";

export type CallRow = typeof ideaCalls.$inferSelect;
export interface CallRecord {
  call: CallRow;
  organisationName: string | null;
  reviewerUserIds: string[];
  ideaCount: number;
}

const callColumns = {
  call: ideaCalls,
  // The outer row named explicitly: Drizzle may write columns unqualified, and "id" would mean ideas.id.
  ideaCount: sql<number>`(select count(*)::int from ${ideas} where ${ideas.callId} = ${sql.raw(`"idea_calls"."id"`)})`,
};

/** Calls with their organisation's name (one query to the organisation register for the whole list). */
async function withOrganisationNames<T extends { call: CallRow }>(db: Db | Tx, rows: T[]) {
  const names = await organisationNames(db, [
    ...new Set(rows.flatMap((r) => (r.call.organisationId ? [r.call.organisationId] : []))),
  ]);
  return rows.map((r) => ({
    ...r,
    organisationName: r.call.organisationId ? (names.get(r.call.organisationId) ?? null) : null,
  }));
}

/** What the policy needs to know of a call. */
export const callSubject = (r: CallRecord | null) =>
  r ? { organisationId: r.call.organisationId, reviewerUserIds: r.reviewerUserIds } : null;

/** Loads a call with what its policy needs; no authorisation (the callers authorise). */
export async function loadCall(db: Db | Tx, id: string): Promise<CallRecord | null> {
  const [row] = await withOrganisationNames(
    db,
    await db.select(callColumns).from(ideaCalls).where(eq(ideaCalls.id, id)),
  );
  if (!row) return null;
  const reviewers = await db
    .select({ userId: ideaCallReviewers.userId })
    .from(ideaCallReviewers)
    .where(eq(ideaCallReviewers.callId, id));
  return { ...row, reviewerUserIds: reviewers.map((r) => r.userId) };
}

export async function createCall(db: Db, actor: Actor, input: z.output<typeof createCallInput>) {
  return createCallAs(db, actor, input);
}

/** Creating a call from typed input without the route's defaults (the demo loader). */
export async function createCallAs(
  db: Db,
  actor: Actor,
  input: Omit<z.output<typeof createCallInput>, "public"> & { public?: boolean },
) {
  authorize(actor, callPolicy, "create", null);
  if (!(await organisationNames(db, [input.organisationId])).has(input.organisationId))
    throw fieldErrors({ organisationId: "ideas.errors.unknownOrganisation" });
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [call] = await tx
      .insert(ideaCalls)
      .values({
        title: input.title,
        organisationId: input.organisationId,
        bodyId: input.bodyId ?? null,
        area: input.area ?? null,
        questions: input.questions ?? null,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        budget: input.budget ?? null,
        template: input.template ?? defaultTemplate,
        criteria: input.criteria ?? defaultCriteria,
        public: input.public ?? true,
      })
      .returning();
    await audit({ action: "ideas.call_created", entityType: "idea_call", entityId: call.id, after: call });
    return call.id;
  });
}

/** The panel: users who score the call's ideas. Replaces the list. */
export async function setCallReviewers(db: Db, actor: Actor, callId: string, userIds: string[]) {
  const record = await loadCall(db, callId);
  if (!record) throw notFound();
  authorize(actor, callPolicy, "manage", callSubject(record));
  await writeWithAudit(db, actor, async (tx, audit) => {
    await tx.delete(ideaCallReviewers).where(eq(ideaCallReviewers.callId, callId));
    if (userIds.length)
      await tx.insert(ideaCallReviewers).values(userIds.map((userId) => ({ callId, userId })));
    await audit({
      action: "ideas.reviewers_set",
      entityType: "idea_call",
      entityId: callId,
      before: record.reviewerUserIds,
      after: userIds,
    });
  });
}

export async function getCall(db: Db, actor: Actor | null, id: string): Promise<CallRecord> {
  const record = await loadCall(db, id);
  authorize(actor, callPolicy, "read", callSubject(record));
  if (!record) throw notFound();
  return record;
}

/**
 * A call for its page: the panel by name (to those who may see it, in name order) and whether the
 * reader may set the panel.
 */
export async function getCallDetail(db: Db, actor: Actor | null, id: string) {
  const record = await getCall(db, actor, id);
  const may = abilities(actor, callPolicy, callSubject(record), ["readPanel", "manage"]);
  const named = may.readPanel ? await userNames(db, record.reviewerUserIds) : [];
  const reviewers = named.sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return { record, reviewers, mayManage: may.manage };
}

/** Active users to choose the call's panel from: only for those who may set the panel. */
export async function reviewerCandidates(db: Db, actor: Actor, callId: string, q: string) {
  const record = await loadCall(db, callId);
  if (!record) throw notFound();
  authorize(actor, callPolicy, "manage", callSubject(record));
  return searchActiveUsers(db, q, 20);
}

/** Calls, the latest closing first. */
export async function listCalls(db: Db, actor: Actor | null, query: z.output<typeof callListQuery>) {
  authorize(actor, callPolicy, "list", null);
  const after = afterCursor(
    query.cursor,
    { sort: ideaCalls.closesAt, id: ideaCalls.id },
    { sort: "timestamp", desc: true },
  );
  const conditions = [after];
  if (query.organisationId) conditions.push(eq(ideaCalls.organisationId, query.organisationId));
  const rows = await db
    .select(callColumns)
    .from(ideaCalls)
    .where(and(...conditions))
    .orderBy(sql`${ideaCalls.closesAt} desc, ${ideaCalls.id} desc`)
    .limit(query.limit + 1);
  const result = page(rows, query.limit, (r) => encodeCursor(r.call.closesAt.toISOString(), r.call.id));
  const items = await withOrganisationNames(db, result.items);
  return {
    items: items.map((r) => ({ ...r, reviewerUserIds: [] as string[] })),
    nextCursor: result.nextCursor,
  };
}

/** Public calls open now or opening later, soonest closing first. */
export async function listPublicCalls(db: Db, actor: Actor | null, now = new Date()) {
  authorize(actor, publicCallPolicy, "list", null);
  const rows = await withOrganisationNames(
    db,
    await db
      .select(callColumns)
      .from(ideaCalls)
      .where(and(eq(ideaCalls.public, true), gt(ideaCalls.closesAt, now)))
      .orderBy(asc(ideaCalls.closesAt), asc(ideaCalls.id))
      .limit(100),
  );
  return rows.map((r) => ({ ...r, reviewerUserIds: [] as string[] }));
}

/** A public call by id, open or not (a closed call's page says it is closed). */
export async function getPublicCall(db: Db, actor: Actor | null, id: string): Promise<CallRecord> {
  const record = await loadCall(db, id);
  if (!record) throw notFound();
  authorize(actor, publicCallPolicy, "read", record.call);
  return record;
}

export const callState = (call: CallRow, now = new Date()) =>
  now < call.opensAt ? "upcoming" : now >= call.closesAt ? "closed" : "open";

/**
 * The funnel: each stage counts every idea that reached it (an idea rejected after selection still
 * counts as selected), from `reached_rank`; the granted amount and the projects it produced.
 */
export async function callFunnel(db: Db, actor: Actor | null, callId: string) {
  const record = await getCall(db, actor, callId);
  return funnelOf(db, record.call);
}

/** The funnel's counts of one call; no authorisation (callers authorise). */
async function funnelOf(db: Db, call: Pick<CallRow, "id" | "budget">) {
  const reached = ideaStages.map((stage, rank) =>
    sql<number>`count(*) filter (where ${ideas.reachedRank} >= ${rank})::int`.as(stage),
  );
  const [counts] = await db
    .select({
      ...Object.fromEntries(ideaStages.map((stage, rank) => [stage, reached[rank]])),
      rejected: sql<number>`count(*) filter (where ${ideas.stage} = 'rejected')::int`,
      withdrawn: sql<number>`count(*) filter (where ${ideas.stage} = 'withdrawn')::int`,
      grantedAmount: sql<number>`coalesce(sum(${ideas.grantedAmount}), 0)::int`,
      projectIds: sql<
        string[]
      >`coalesce(array_agg(${ideas.projectId}) filter (where ${ideas.projectId} is not null), '{}')`,
    })
    .from(ideas)
    .where(eq(ideas.callId, call.id));
  const c = counts as Record<string, unknown>;
  const grantedAmount = Number(c.grantedAmount);
  return {
    ...(Object.fromEntries(ideaStages.map((s) => [s, Number(c[s])])) as Record<
      (typeof ideaStages)[number],
      number
    >),
    rejected: Number(c.rejected),
    withdrawn: Number(c.withdrawn),
    grantedAmount,
    remainingBudget: call.budget === null ? null : call.budget - grantedAmount,
    projectIds: (c.projectIds as string[]) ?? [],
  };
}

/**
 * The funnels of an organisation's calls open some time in a period, oldest first: what the annual
 * report shows. No authorisation: the report's route authorises its reader.
 */
export async function funnelsInPeriod(db: Db, organisationId: string, from: Date, to: Date) {
  const rows = await db
    .select({ id: ideaCalls.id, title: ideaCalls.title, budget: ideaCalls.budget })
    .from(ideaCalls)
    .where(
      and(
        eq(ideaCalls.organisationId, organisationId),
        sql`${ideaCalls.opensAt} < ${to}`,
        sql`${ideaCalls.closesAt} >= ${from}`,
      ),
    )
    .orderBy(asc(ideaCalls.opensAt), asc(ideaCalls.id));
  return Promise.all(rows.map(async (call) => ({ call, funnel: await funnelOf(db, call) })));
}

/** Ideas by organisation across calls (the "across calls" view of the funnel). */
export async function ideasByOrganisation(db: Db, actor: Actor | null, organisationId?: string) {
  authorize(actor, callPolicy, "list", null);
  const where = organisationId ? eq(ideaCalls.organisationId, organisationId) : undefined;
  return db
    .select({
      organisation: sql<string>`coalesce(${ideas.organisationText}, '')`,
      submitted: sql<number>`count(*)::int`,
      granted: sql<number>`count(*) filter (where ${ideas.stage} = 'granted')::int`,
    })
    .from(ideas)
    .innerJoin(ideaCalls, eq(ideaCalls.id, ideas.callId))
    .where(where)
    .groupBy(sql`1`)
    .orderBy(sql`2 desc, 1`);
}

/** A call of an organisation by its title (the demo loader's idempotence). */
export async function findCallId(db: Db, organisationId: string, title: string): Promise<string | null> {
  const [row] = await db
    .select({ id: ideaCalls.id })
    .from(ideaCalls)
    .where(and(eq(ideaCalls.organisationId, organisationId), eq(ideaCalls.title, title)));
  return row?.id ?? null;
}
