import { type Actor, isAdmin, isStaff } from "../../platform/actor.ts";
import { abilities, type Policy } from "../../platform/authorize.ts";
import { canReadRegisters } from "../organisations/index.ts";
import { directedProgrammeIds } from "../programmes/index.ts";

/**
 * Who may change activities. Every logged-in role reads them. Administrators and coordinators change
 * all; a programme director changes the activities that reach one of their programmes — linked to it
 * directly or through one of its courses — and may only add links inside their programmes.
 */

/** Links of an activity as the policy sees them: programmes, and for each linked course its programmes. */
export interface ActivityLinks {
  programmeIds: string[];
  courseProgrammeIds: Map<string, string[]>;
}

/** The programmes an activity reaches: its own and those of its courses. */
export function reachOf(links: ActivityLinks): Set<string> {
  const reach = new Set(links.programmeIds);
  for (const ids of links.courseProgrammeIds.values()) for (const id of ids) reach.add(id);
  return reach;
}

/** Roles that may record activities at all (others get 403 before anything else is looked at). */
export const canRecordActivities = (actor: Actor | null) =>
  isStaff(actor) || directedProgrammeIds(actor).length > 0;

export function canChangeActivity(actor: Actor | null, reach: Set<string>) {
  if (isStaff(actor)) return true;
  return directedProgrammeIds(actor).some((id) => reach.has(id));
}

/** The subject of a rule on one activity: the programmes it reaches (see `reachOf`). */
export type ActivitySubject = { reach: Set<string> } | null;

export const activitiesPolicy = {
  list: canReadRegisters,
  read: { allow: canReadRegisters, refuse: "hide" },
  create: canRecordActivities,
  update: (actor, s) => !!s && canChangeActivity(actor, s.reach),
  delete: (actor, s) => !!s && canChangeActivity(actor, s.reach),
} satisfies Policy<"list" | "read" | "create" | "update" | "delete", ActivitySubject>;

/** The activity type catalogue: everyone logged in reads it, administrators configure it. */
export const activityTypesPolicy = {
  list: canReadRegisters,
  configure: (actor) => isAdmin(actor),
} satisfies Policy<"list" | "configure", null>;

export const activityAbilities = (actor: Actor | null, reach: Set<string>) =>
  abilities(actor, activitiesPolicy, { reach }, ["update", "delete"]);

/**
 * For a programme director: is every link they add inside their programmes, and does the activity
 * (as it will be) still reach one of them? Returns the field and message to show, or null when fine.
 * `before` is null when creating.
 */
export function directorLinkProblem(
  actor: Actor | null,
  next: ActivityLinks,
  before: ActivityLinks | null,
): { field: "programmeIds" | "courseIds"; key: string } | null {
  if (isStaff(actor)) return null;
  const mine = new Set(directedProgrammeIds(actor));
  const addedProgrammes = next.programmeIds.filter((id) => !before?.programmeIds.includes(id));
  if (addedProgrammes.some((id) => !mine.has(id)))
    return { field: "programmeIds", key: "validation.activities.outsideYourProgrammes" };
  for (const [courseId, programmeIds] of next.courseProgrammeIds) {
    if (before?.courseProgrammeIds.has(courseId)) continue;
    if (!programmeIds.some((id) => mine.has(id)))
      return { field: "courseIds", key: "validation.activities.outsideYourProgrammes" };
  }
  if (![...reachOf(next)].some((id) => mine.has(id)))
    return { field: "programmeIds", key: "validation.activities.needsYourProgramme" };
  return null;
}
