import { type Actor, isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";
import { canReadOrganisationFollowUp } from "../organisations/index.ts";

/**
 * Administrators and coordinators manage projects and set colours. A project's lead (the user linked
 * to its lead person) submits and edits that project's lägesrapporter until they are reviewed — and no
 * other project's.
 *
 * Reading a project: ONE rule, `canReadProject` (the `read` action of `projectPolicy`), decides who
 * reads a project and its follow-up data (funding, colour and its history, lägesrapporter, outputs,
 * comments), and it is applied alike by the detail, the portfolio list, the export, the timeline, the
 * dashboard, the overdue list and the reports module (progress and follow-up reports). Lists apply it
 * in the query (`readableProjectsWhere` in projects.records.ts), so they never fetch a row the rule
 * would refuse.
 *
 * Everyone inside the platform (staff, programme directors, group members) reads every project. A
 * partner representative — whose only role is partner — reads the projects their own organisations
 * own, and the projects they lead; of another organisation's project they see NOTHING: it is absent
 * from lists, exports, counts and timelines, and its detail and reports answer 404 as if it did not
 * exist. "Nothing" rather than "the row without money": every column of the portfolio row (colour,
 * the process leader's comment, concrete results, report dates) is itself follow-up data, and a
 * partner's work does not need another organisation's portfolio.
 */
export interface ProjectSubject {
  ownerOrganisationId: string | null;
  /** The users who act as the project's lead. */
  leadUserIds: readonly string[];
}

export const isProjectLead = (actor: Actor | null, leadUserIds: readonly string[]) =>
  !!actor && leadUserIds.includes(actor.userId);

export const canReadProject = (actor: Actor | null, project: ProjectSubject) =>
  canReadOrganisationFollowUp(actor, project.ownerOrganisationId) ||
  isProjectLead(actor, project.leadUserIds);

export const canManageProjects = (actor: Actor | null) => isStaff(actor);

export const canSubmitReport = (actor: Actor | null, leadUserIds: readonly string[]) =>
  isStaff(actor) || isProjectLead(actor, leadUserIds);

export const canEditReport = (
  actor: Actor | null,
  leadUserIds: readonly string[],
  report: { reviewedAt: Date | null },
) => isStaff(actor) || (isProjectLead(actor, leadUserIds) && !report.reviewedAt);

export const canReviewReport = (actor: Actor | null) => isStaff(actor);

/** Everyone logged in lists the portfolio; each list holds only the projects `canReadProject` lets them read. */
export const canListProjects = (actor: Actor | null) => !!actor;

/** The portfolio's lists (the list, the export, the dashboard, the timeline, the overdue reports). */
export const portfolioPolicy: Policy<"list", null> = {
  list: canListProjects,
};

/** The project rules as a table for `authorize(actor, projectPolicy, action, project)`. */
export const projectPolicy: Policy<"read" | "manage", ProjectSubject> = {
  read: { allow: canReadProject, refuse: "hide" },
  /** Changing a project, its colour and outputs: asked after `read`, so a hidden project stays 404. */
  manage: canManageProjects,
};
