import { asc, count, desc, eq, inArray } from "drizzle-orm";
import { formatPeriod } from "../../../common/projects.ts";
import {
  type CreateReviewRoundInput,
  createReviewRoundInput,
  type ReviewRound,
  type UpdateReviewRoundInput,
  updateReviewRoundInput,
} from "../../../common/review-rounds.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { isStaff } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { abilities, authorize, type Policy } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { readableOrganisationIds } from "../organisations/index.ts";
import { projects, reviewRoundProjects, reviewRounds } from "./projects.schema.ts";
import { dateToMonth } from "./projects.service.ts";

/**
 * Review rounds: coordinators (and administrators) manage them; everyone inside the platform (staff,
 * programme directors, group members) reads them. A partner representative gets 403 on every round:
 * a round's general conclusions judge the portfolio as a whole and name projects ("frågetecknen runt
 * HUM-projektet"), so filtering the rows to their own projects would still leak the others through
 * the conclusions — the whole round is the platform's internal follow-up.
 */
const canReadReviewRounds = (actor: Actor | null) => !!actor && readableOrganisationIds(actor) === null;

export const reviewRoundPolicy: Policy<"read" | "manage", null> = {
  read: { allow: canReadReviewRounds, refuse: "forbid" },
  manage: (actor) => isStaff(actor),
};

export async function listReviewRounds(db: Db, actor: Actor) {
  authorize(actor, reviewRoundPolicy, "read", null);
  const rounds = await db.select().from(reviewRounds).orderBy(desc(reviewRounds.date), asc(reviewRounds.id));
  const counts = rounds.length
    ? await db
        .select({ roundId: reviewRoundProjects.roundId, n: count() })
        .from(reviewRoundProjects)
        .where(
          inArray(
            reviewRoundProjects.roundId,
            rounds.map((r) => r.id),
          ),
        )
        .groupBy(reviewRoundProjects.roundId)
    : [];
  const byRound = new Map(counts.map((c) => [c.roundId, Number(c.n)]));
  return rounds.map((r) => ({
    id: r.id,
    name: r.name,
    date: r.date,
    projectCount: byRound.get(r.id) ?? 0,
    conclusionCount: r.conclusions.length,
  }));
}

export async function getReviewRound(db: Db | Tx, actor: Actor, id: string): Promise<ReviewRound> {
  authorize(actor, reviewRoundPolicy, "read", null);
  const [round] = await db.select().from(reviewRounds).where(eq(reviewRounds.id, id));
  if (!round) throw notFound();
  const rows = await db
    .select({ row: reviewRoundProjects, project: projects })
    .from(reviewRoundProjects)
    .innerJoin(projects, eq(projects.id, reviewRoundProjects.projectId))
    .where(eq(reviewRoundProjects.roundId, id))
    .orderBy(asc(reviewRoundProjects.sortOrder), asc(reviewRoundProjects.id));
  return {
    id: round.id,
    name: round.name,
    date: round.date,
    conclusions: round.conclusions,
    projects: rows.map(({ row, project }) => ({
      projectId: project.id,
      projectName: project.name,
      leadName: project.leadName,
      periodLabel:
        formatPeriod(dateToMonth(project.periodStart), dateToMonth(project.periodEnd), project.periodText) ||
        null,
      reportType: row.reportType,
      reportUncertain: row.reportUncertain,
      concreteResults: row.concreteResults,
      canScaleUp: row.canScaleUp,
      comment: row.comment,
      colour: row.colour,
    })),
    abilities: abilities(actor, reviewRoundPolicy, null, ["manage"]),
  };
}

type ProjectRows = NonNullable<ReturnType<typeof createReviewRoundInput.parse>["projects"]>;

async function writeRows(tx: Tx, roundId: string, rows: ProjectRows) {
  const ids = [...new Set(rows.map((r) => r.projectId))];
  if (ids.length !== rows.length) throw fieldErrors({ projects: "validation.projects.duplicateProject" });
  if (ids.length) {
    const found = await tx.select({ id: projects.id }).from(projects).where(inArray(projects.id, ids));
    if (found.length !== ids.length) throw fieldErrors({ projects: "validation.projects.unknownProject" });
  }
  await tx.delete(reviewRoundProjects).where(eq(reviewRoundProjects.roundId, roundId));
  if (rows.length)
    await tx.insert(reviewRoundProjects).values(rows.map((r, i) => ({ ...r, roundId, sortOrder: i })));
}

export async function createReviewRound(db: Db, actor: Actor, raw: CreateReviewRoundInput) {
  authorize(actor, reviewRoundPolicy, "manage", null);
  const input = parseInput(createReviewRoundInput, raw);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [round] = await tx
      .insert(reviewRounds)
      .values({ name: input.name, date: input.date, conclusions: input.conclusions })
      .returning();
    await writeRows(tx, round.id, input.projects);
    await audit({
      action: "projects.review_round_created",
      entityType: "review_round",
      entityId: round.id,
      after: input,
    });
    return round.id;
  });
}

export async function updateReviewRound(db: Db, actor: Actor, id: string, raw: UpdateReviewRoundInput) {
  authorize(actor, reviewRoundPolicy, "manage", null);
  const input = parseInput(updateReviewRoundInput, raw);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, id));
    if (!before) throw notFound();
    const { projects: rows, ...fields } = input;
    await tx
      .update(reviewRounds)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(reviewRounds.id, id));
    if (rows) await writeRows(tx, id, rows);
    await audit({
      action: "projects.review_round_updated",
      entityType: "review_round",
      entityId: id,
      before,
      after: input,
    });
  });
}
