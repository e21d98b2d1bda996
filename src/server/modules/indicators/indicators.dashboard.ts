import { eq, isNotNull, isNull, ne, or, type SQL } from "drizzle-orm";
import type { DashboardView } from "../../../common/indicators.ts";
import type { Db } from "../../db/client.ts";
import { type Actor, requireActor } from "../../platform/actor.ts";
import { authorize } from "../../platform/authorize.ts";
import { fieldErrors, notFound } from "../../platform/errors.ts";
import { dashboardOrganisation, goalLinks } from "../../read/indicators-dashboard.ts";
import { getFramework } from "../goals/index.ts";
import { findProject } from "../projects/index.ts";
import { dataAsOf } from "./indicators.compute.ts";
import type { DescribeLocale } from "./indicators.describe.ts";
import { type EvaluatedIndicator, evaluateIndicators } from "./indicators.evaluate.ts";
import { indicatorsPolicy, readableOrganisationIds } from "./indicators.policy.ts";
import { presentIndicatorSummary } from "./indicators.presenter.ts";
import { findIndicators, ownedBy } from "./indicators.records.ts";
import { indicators } from "./indicators.schema.ts";

/**
 * The goal dashboard: each goal with its indicators (actual vs target, status, sparkline) and what
 * is linked to it. Per framework (its goals), per project (its own goals, then each participating
 * organisation's own goals — LC-KOMP's two levels), or per organisation. Link counts are read from
 * the goals module's link tables (activity_goals, plan_item_goals, project_goals) by the read layer
 * (read/indicators-dashboard.ts).
 */

type Goal = DashboardView["goals"][number];
const noLinks = { activities: 0, planItems: 0, projects: [] };

/** Indicators without a framework goal, grouped by the goal they state (one group per wording). */
function byGoalText(list: EvaluatedIndicator[], actor: Actor): Goal[] {
  const groups = new Map<string, Goal>();
  for (const e of list) {
    const text = e.row.goalText ?? e.row.name;
    const group = groups.get(text) ?? { goal: null, text, indicators: [], links: noLinks };
    group.indicators.push(presentIndicatorSummary(e, actor));
    groups.set(text, group);
  }
  return [...groups.values()];
}

async function visible(db: Db, actor: Actor, where: SQL[], locale: DescribeLocale) {
  const limited = readableOrganisationIds(actor);
  const records = await findIndicators(db, limited === null ? where : [...where, ownedBy(limited)]);
  return evaluateIndicators(db, records, locale);
}

async function frameworkDashboard(
  db: Db,
  actor: Actor,
  frameworkId: string,
  locale: DescribeLocale,
): Promise<DashboardView> {
  const framework = await getFramework(db, actor, frameworkId);
  if (!framework) throw notFound();
  authorize(actor, indicatorsPolicy, "read", { organisationId: framework.framework.ownerOrganisationId });
  const goals = framework.goals.flatMap((g) => [g, ...g.subGoals]);
  const evaluated = await visible(db, actor, [eq(indicators.frameworkId, frameworkId)], locale);
  const links = await goalLinks(
    db,
    goals.map((g) => g.id),
  );
  const entries: Goal[] = goals.map((g) => ({
    goal: { id: g.id, code: g.code, text: g.text },
    text: g.text,
    indicators: evaluated.filter((e) => e.row.goalId === g.id).map((e) => presentIndicatorSummary(e, actor)),
    links: links.get(g.id) ?? noLinks,
  }));
  const unlinked = evaluated.filter((e) => !goals.some((g) => g.id === e.row.goalId));
  const { framework: f } = framework;
  return {
    subject: {
      type: "framework",
      id: f.id,
      name: f.name,
      vision: f.vision,
      periodStart: f.periodStart,
      periodEnd: f.periodEnd,
    },
    goals: [...entries, ...byGoalText(unlinked, actor)],
    organisations: [],
    asOf: await dataAsOf(db),
  };
}

async function projectDashboard(
  db: Db,
  actor: Actor,
  projectId: string,
  locale: DescribeLocale,
): Promise<DashboardView> {
  const project = await findProject(db, projectId);
  if (!project) throw notFound();
  const owner = project.project.ownerOrganisationId;
  const projectLevel = owner
    ? or(isNull(indicators.organisationId), eq(indicators.organisationId, owner))!
    : isNull(indicators.organisationId);
  const own = await visible(db, actor, [eq(indicators.projectId, projectId), projectLevel], locale);
  const theirs = await visible(
    db,
    actor,
    [
      eq(indicators.projectId, projectId),
      isNotNull(indicators.organisationId),
      ...(owner ? [ne(indicators.organisationId, owner)] : []),
    ],
    locale,
  );
  const byOrganisation = new Map<
    string,
    { organisation: { id: string; name: string }; list: EvaluatedIndicator[] }
  >();
  for (const e of theirs) {
    if (!e.organisation) continue;
    const entry = byOrganisation.get(e.organisation.id) ?? { organisation: e.organisation, list: [] };
    entry.list.push(e);
    byOrganisation.set(e.organisation.id, entry);
  }
  const p = project.project;
  return {
    subject: {
      type: "project",
      id: p.id,
      name: p.name,
      vision: p.description,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
    },
    goals: byGoalText(own, actor),
    organisations: [...byOrganisation.values()]
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, "sv"))
      .map(({ organisation, list }) => ({ organisation, goals: byGoalText(list, actor) })),
    asOf: await dataAsOf(db),
  };
}

async function organisationDashboard(
  db: Db,
  actor: Actor,
  organisationId: string,
  locale: DescribeLocale,
): Promise<DashboardView> {
  const org = await dashboardOrganisation(db, organisationId);
  if (!org) throw notFound();
  authorize(actor, indicatorsPolicy, "read", { organisationId });
  const evaluated = await visible(db, actor, [eq(indicators.organisationId, organisationId)], locale);
  const withGoal = evaluated.filter((e) => e.goal);
  const links = await goalLinks(db, [...new Set(withGoal.map((e) => e.goal!.id))]);
  const goals = new Map<string, Goal>();
  for (const e of withGoal) {
    const g = e.goal!;
    const entry = goals.get(g.id) ?? {
      goal: g,
      text: g.text,
      indicators: [],
      links: links.get(g.id) ?? noLinks,
    };
    entry.indicators.push(presentIndicatorSummary(e, actor));
    goals.set(g.id, entry);
  }
  return {
    subject: {
      type: "organisation",
      id: org.id,
      name: org.name,
      vision: null,
      periodStart: null,
      periodEnd: null,
    },
    goals: [
      ...goals.values(),
      ...byGoalText(
        evaluated.filter((e) => !e.goal),
        actor,
      ),
    ],
    organisations: [],
    asOf: await dataAsOf(db),
  };
}

export async function goalDashboard(
  db: Db,
  actor: Actor | null,
  query: { frameworkId?: string; projectId?: string; organisationId?: string },
  locale: DescribeLocale,
): Promise<DashboardView> {
  requireActor(actor);
  const given = [query.frameworkId, query.projectId, query.organisationId].filter(Boolean);
  if (given.length !== 1) throw fieldErrors({ frameworkId: "indicators.errors.dashboardSubject" });
  if (query.frameworkId) return frameworkDashboard(db, actor, query.frameworkId, locale);
  if (query.projectId) return projectDashboard(db, actor, query.projectId, locale);
  return organisationDashboard(db, actor, query.organisationId!, locale);
}
