import { and, asc, eq, sql } from "drizzle-orm";
import {
  type CreateProjectInput,
  createProjectInput,
  type FundingLineInput,
  type OutputInput,
  outputInput,
  type ProjectListQuery,
  projectListQuery,
  type StatusInput,
  statusInput,
  type UpdateProjectInput,
  updateProjectInput,
} from "../../../common/projects.ts";
import { swedishSortKey } from "../../../common/sort-key.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../platform/actor.ts";
import { writeWithAudit } from "../../platform/audit.ts";
import { authorize } from "../../platform/authorize.ts";
import { AppError, type FieldError, fieldErrors, forbidden, notFound } from "../../platform/errors.ts";
import { afterCursor, encodeCursor, page } from "../../platform/pagination.ts";
import { uniqueIds } from "../../platform/parse-input.ts";
import { parseWith as parseInput } from "../../platform/validation.ts";
import { projectSummaries, projectSummaryFilters } from "../../read/project-summaries.ts";
import { actorUserId, setGoalLinks } from "../goals/index.ts";
import { existingOrganisationIds, organisationNames } from "../organisations/index.ts";
import { existingPersonIds } from "../people/index.ts";
import { canManageProjects, portfolioPolicy, projectPolicy } from "./projects.policy.ts";
import { findProject, type ProjectRecord, readableProjectsWhere } from "./projects.records.ts";
import { projectColourChanges, projectFunding, projectOutputs, projects } from "./projects.schema.ts";

export { findProject } from "./projects.records.ts";

/** `2012-06` → `2012-06-01` (stored), and back. */
export const monthToDate = (ym: string | null | undefined) => (ym ? `${ym}-01` : (ym ?? null));
export const dateToMonth = (d: string | null) => (d ? d.slice(0, 7) : null);
const today = () => new Date().toISOString().slice(0, 10);

const sortColumns = {
  name: projects.sortKey,
  periodStart: sql`coalesce(${projects.periodStart}, '9999-12-01'::date)`,
  periodEnd: sql`coalesce(${projects.periodEnd}, '9999-12-01'::date)`,
} as const;

/** Filters shared by the list, the export, the dashboard and the timeline (on the lead's and owner's names too). */
export const projectFilters = projectSummaryFilters;

/** A page of the portfolio the actor may read, keyset-paged by name or by period. */
export async function listProjects(db: Db | Tx, actor: Actor | null, raw: Partial<ProjectListQuery> = {}) {
  authorize(actor, portfolioPolicy, "list", null);
  const query = parseInput(projectListQuery, raw);
  const sortExpr = sortColumns[query.sort];
  const where = projectFilters(query);
  const readable = await readableProjectsWhere(db, actor);
  if (readable) where.push(readable);
  const after = afterCursor(
    query.cursor,
    { sort: sortExpr, id: projects.id },
    { sort: query.sort === "name" ? "text" : "date" },
  );
  if (after) where.push(after);
  const rows = await projectSummaries(db, {
    where: and(...where),
    orderBy: [asc(sortExpr), asc(projects.id)],
    limit: query.limit + 1,
  });
  return page(rows, query.limit, ({ project: p }) =>
    encodeCursor(
      query.sort === "name"
        ? p.sortKey
        : ((query.sort === "periodStart" ? p.periodStart : p.periodEnd) ?? "9999-12-01"),
      p.id,
    ),
  );
}

/** All projects the actor may read matching the filters, in name order (the export and the timeline). */
export async function allProjects(
  db: Db | Tx,
  actor: Actor | null,
  filters: Parameters<typeof projectFilters>[0] = {},
) {
  authorize(actor, portfolioPolicy, "list", null);
  return projectSummaries(db, {
    where: and(...projectFilters(filters), await readableProjectsWhere(db, actor)),
    orderBy: [asc(projects.sortKey), asc(projects.id)],
  });
}

/** One project with its follow-up data, if the actor may read it (else 404, as if it did not exist). */
export async function getProject(db: Db | Tx, actor: Actor | null, id: string): Promise<ProjectRecord> {
  const found = await findProject(db, id);
  if (!found) throw notFound();
  authorize(actor, projectPolicy, "read", projectSubject(found));
  return found;
}

/**
 * Before a write on a project: one the actor may not read answers 404 (its existence does not leak,
 * decision 007), one they read but may not change 403.
 */
async function authorizeManage(db: Db | Tx, actor: Actor, id: string) {
  const found = await findProject(db, id);
  if (!found) throw notFound();
  authorize(actor, projectPolicy, "read", projectSubject(found));
  authorize(actor, projectPolicy, "manage", projectSubject(found));
}

export const projectSubject = (r: ProjectRecord) => ({
  ownerOrganisationId: r.project.ownerOrganisationId,
  leadUserIds: r.leadUserIds,
});

interface Refs {
  leadPersonId?: string | null;
  ownerOrganisationId?: string | null;
  parentId?: string | null;
  funding?: FundingLineInput[];
}

/** Every id the input points at must exist; a co-financing line must say who co-finances. */
async function checkRefs(tx: Tx, input: Refs, selfId?: string) {
  const errors: Record<string, FieldError[]> = {};
  const exists = async (table: typeof projects, id: string) =>
    (await tx.select({ id: table.id }).from(table).where(eq(table.id, id))).length > 0;
  if (input.leadPersonId && !(await existingPersonIds(tx, [input.leadPersonId])).has(input.leadPersonId))
    errors.leadPersonId = [{ key: "projects.errors.unknownPerson" }];
  if (
    input.ownerOrganisationId &&
    !(await existingOrganisationIds(tx, [input.ownerOrganisationId])).has(input.ownerOrganisationId)
  )
    errors.ownerOrganisationId = [{ key: "projects.errors.unknownOrganisation" }];
  if (input.parentId && (input.parentId === selfId || !(await exists(projects, input.parentId))))
    errors.parentId = [{ key: "projects.errors.unknownParent" }];
  const funderIds = uniqueIds(
    (input.funding ?? []).flatMap((f) => (f.funderOrganisationId ? [f.funderOrganisationId] : [])),
  );
  const found = [...(await organisationNames(tx, funderIds)).keys()];
  (input.funding ?? []).forEach((line, i) => {
    if (line.funderOrganisationId && !found.includes(line.funderOrganisationId))
      errors[`funding.${i}.funderOrganisationId`] = [{ key: "projects.errors.unknownOrganisation" }];
    if (line.kind === "cofinancing" && !line.funderOrganisationId && !line.funderName)
      errors[`funding.${i}.funderName`] = [{ key: "projects.errors.funderRequired" }];
  });
  if (Object.keys(errors).length) throw new AppError("validation", "errors.validation", {}, errors);
}

function checkPeriod(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) throw fieldErrors({ periodEnd: "projects.errors.periodOrder" });
}

async function replaceFunding(tx: Tx, projectId: string, lines: FundingLineInput[]) {
  await tx.delete(projectFunding).where(eq(projectFunding.projectId, projectId));
  if (lines.length)
    await tx.insert(projectFunding).values(
      lines.map((l, i) => ({
        projectId,
        kind: l.kind,
        funderOrganisationId: l.funderOrganisationId ?? null,
        funderName: l.funderName ?? null,
        amount: l.amount,
        year: l.year ?? null,
        note: l.note ?? null,
        decisionId: l.decisionId ?? null,
        sortOrder: i,
      })),
    );
}

/** Appends to the colour history and sets the current colour. Call inside a transaction. */
export async function recordColour(
  tx: Tx,
  actor: Actor,
  projectId: string,
  change: {
    colour: string;
    previousColour: string | null;
    reason: string;
    date?: string | null;
    reportId?: string;
  },
) {
  await tx.insert(projectColourChanges).values({
    projectId,
    colour: change.colour,
    previousColour: change.previousColour,
    reason: change.reason,
    date: change.date ?? today(),
    authorId: actorUserId(actor),
    authorName: actor.name,
    reportId: change.reportId ?? null,
  });
  await tx
    .update(projects)
    .set({ colour: change.colour, updatedAt: new Date() })
    .where(eq(projects.id, projectId));
}

export async function createProject(db: Db, actor: Actor, raw: CreateProjectInput): Promise<string> {
  if (!canManageProjects(actor)) throw forbidden();
  const input = parseInput(createProjectInput, raw);
  checkPeriod(input.periodStart, input.periodEnd);
  if (input.colour && !input.colourReason) throw fieldErrors({ colourReason: "validation.required" });
  return writeWithAudit(db, actor, async (tx, audit) => {
    await checkRefs(tx, input);
    const { funding, goalIds, colour, colourReason, colourDate, periodStart, periodEnd, ...fields } = input;
    const [row] = await tx
      .insert(projects)
      .values({
        ...fields,
        sortKey: swedishSortKey(input.name),
        periodStart: monthToDate(periodStart),
        periodEnd: monthToDate(periodEnd),
      })
      .returning();
    await replaceFunding(tx, row.id, funding);
    await setGoalLinks(tx, "project", row.id, goalIds);
    if (colour)
      await recordColour(tx, actor, row.id, {
        colour,
        previousColour: null,
        reason: colourReason!,
        date: colourDate,
      });
    await audit({ action: "projects.created", entityType: "project", entityId: row.id, after: input });
    return row.id;
  });
}

export async function updateProject(db: Db, actor: Actor, id: string, raw: UpdateProjectInput) {
  await authorizeManage(db, actor, id);
  const input = parseInput(updateProjectInput, raw);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(projects).where(eq(projects.id, id));
    if (!before) throw notFound();
    checkPeriod(
      input.periodStart === undefined ? dateToMonth(before.periodStart) : input.periodStart,
      input.periodEnd === undefined ? dateToMonth(before.periodEnd) : input.periodEnd,
    );
    await checkRefs(tx, input, id);
    const { funding, goalIds, periodStart, periodEnd, ...fields } = input;
    const changes: Record<string, unknown> = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    );
    if (periodStart !== undefined) changes.periodStart = monthToDate(periodStart);
    if (periodEnd !== undefined) changes.periodEnd = monthToDate(periodEnd);
    if (input.name) changes.sortKey = swedishSortKey(input.name);
    const [after] = await tx
      .update(projects)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(projects.id, id))
      .returning();
    if (funding) await replaceFunding(tx, id, funding);
    if (goalIds) await setGoalLinks(tx, "project", id, goalIds);
    await audit({
      action: "projects.updated",
      entityType: "project",
      entityId: id,
      before,
      after: { ...after, funding, goalIds },
    });
  });
}

/** A new colour with its reason; the previous one stays in the history. */
export async function setProjectStatus(db: Db, actor: Actor, id: string, raw: StatusInput) {
  await authorizeManage(db, actor, id);
  const input = parseInput(statusInput, raw);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(projects).where(eq(projects.id, id));
    if (!before) throw notFound();
    await recordColour(tx, actor, id, { ...input, previousColour: before.colour });
    await audit({
      action: "projects.status_set",
      entityType: "project",
      entityId: id,
      before: { colour: before.colour },
      after: input,
    });
  });
}

export async function addOutput(db: Db, actor: Actor, projectId: string, raw: OutputInput) {
  await authorizeManage(db, actor, projectId);
  return insertOutput(db, actor, projectId, raw);
}

/**
 * `addOutput` for a list of outputs, in its order: each is its own audited write as there, and each project is
 * authorised once (reading the project for its policy is eight queries; the demo adds 137 outputs to 16 projects).
 */
export async function addOutputs(db: Db, actor: Actor, outputs: [projectId: string, raw: OutputInput][]) {
  const authorised = new Set<string>();
  const ids: string[] = [];
  for (const [projectId, raw] of outputs) {
    if (!authorised.has(projectId)) await authorizeManage(db, actor, projectId);
    authorised.add(projectId);
    ids.push(await insertOutput(db, actor, projectId, raw));
  }
  return ids;
}

async function insertOutput(db: Db, actor: Actor, projectId: string, raw: OutputInput) {
  const input = parseInput(outputInput, raw);
  return writeWithAudit(db, actor, async (tx, audit) => {
    const [project] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId));
    if (!project) throw notFound();
    const [row] = await tx
      .insert(projectOutputs)
      .values({ ...input, projectId })
      .returning();
    await audit({ action: "projects.output_added", entityType: "project", entityId: projectId, after: row });
    return row.id;
  });
}

export async function deleteOutput(db: Db, actor: Actor, projectId: string, outputId: string) {
  await authorizeManage(db, actor, projectId);
  await writeWithAudit(db, actor, async (tx, audit) => {
    const [removed] = await tx
      .delete(projectOutputs)
      .where(and(eq(projectOutputs.id, outputId), eq(projectOutputs.projectId, projectId)))
      .returning();
    if (!removed) throw notFound();
    await audit({
      action: "projects.output_deleted",
      entityType: "project",
      entityId: projectId,
      before: removed,
    });
  });
}
