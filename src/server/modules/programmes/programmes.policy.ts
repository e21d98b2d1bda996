import { type Actor, isStaff, scopedIds } from "../../platform/actor.ts";

/**
 * Who may change programmes and courses. Every logged-in role reads them; administrators and
 * coordinators change everything; a programme director updates the programmes in their scope.
 */
export const directedProgrammeIds = (actor: Actor | null) =>
  scopedIds(actor, "programme_director", "programme");

export const canReadRegisters = (actor: Actor | null) => !!actor;
export const canCreateProgramme = (actor: Actor | null) => isStaff(actor);
export const canUpdateProgramme = (actor: Actor | null, programmeId: string) =>
  isStaff(actor) || directedProgrammeIds(actor).includes(programmeId);
export const canDeleteProgramme = (actor: Actor | null) => isStaff(actor);

export const canCreateCourse = (actor: Actor | null) => isStaff(actor);
export const canUpdateCourse = (actor: Actor | null) => isStaff(actor);
export const canDeleteCourse = (actor: Actor | null) => isStaff(actor);

export const programmeAbilities = (actor: Actor | null, programmeId: string) => ({
  update: canUpdateProgramme(actor, programmeId),
  delete: canDeleteProgramme(actor),
});
export const courseAbilities = (actor: Actor | null) => ({
  update: canUpdateCourse(actor),
  delete: canDeleteCourse(actor),
});
