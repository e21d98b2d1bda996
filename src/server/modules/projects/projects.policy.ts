import { type Actor, isStaff } from "../../platform/actor.ts";

/**
 * Everyone logged in reads the portfolio. Administrators and coordinators manage projects and set
 * colours. A project's lead (the user linked to its lead person) submits and edits that project's
 * lägesrapporter until they are reviewed — and no other project's.
 */
export const canReadProjects = (actor: Actor | null) => !!actor;
export const canManageProjects = (actor: Actor | null) => isStaff(actor);

export const isProjectLead = (actor: Actor | null, leadUserIds: readonly string[]) =>
  !!actor && leadUserIds.includes(actor.userId);

export const canSubmitReport = (actor: Actor | null, leadUserIds: readonly string[]) =>
  isStaff(actor) || isProjectLead(actor, leadUserIds);

export const canEditReport = (
  actor: Actor | null,
  leadUserIds: readonly string[],
  report: { reviewedAt: Date | null },
) => isStaff(actor) || (isProjectLead(actor, leadUserIds) && !report.reviewedAt);

export const canReviewReport = (actor: Actor | null) => isStaff(actor);
