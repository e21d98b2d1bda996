import { type Actor, isStaff, scopedIds } from "../../platform/actor.ts";
import { abilities, type Policy } from "../../platform/authorize.ts";
import { canReadRegisters } from "../organisations/index.ts";

/**
 * Who may change programmes and courses. Every logged-in role reads them; administrators and
 * coordinators change everything; a programme director updates the programmes in their scope.
 */
export const directedProgrammeIds = (actor: Actor | null) =>
  scopedIds(actor, "programme_director", "programme");

export const canCreateProgramme = (actor: Actor | null) => isStaff(actor);
export const canUpdateProgramme = (actor: Actor | null, programmeId: string) =>
  isStaff(actor) || directedProgrammeIds(actor).includes(programmeId);
export const canDeleteProgramme = (actor: Actor | null) => isStaff(actor);

export const canCreateCourse = (actor: Actor | null) => isStaff(actor);
export const canUpdateCourse = (actor: Actor | null) => isStaff(actor);
export const canDeleteCourse = (actor: Actor | null) => isStaff(actor);

export const programmesPolicy = {
  list: canReadRegisters,
  read: { allow: canReadRegisters, refuse: "hide" },
  create: canCreateProgramme,
  update: (actor, programme) => !!programme && canUpdateProgramme(actor, programme.id),
  delete: canDeleteProgramme,
} satisfies Policy<"list" | "read" | "create" | "update" | "delete", { id: string } | null>;

export const coursesPolicy = {
  list: canReadRegisters,
  read: { allow: canReadRegisters, refuse: "hide" },
  create: canCreateCourse,
  update: canUpdateCourse,
  delete: canDeleteCourse,
} satisfies Policy<"list" | "read" | "create" | "update" | "delete", { id: string } | null>;

export const programmeAbilities = (actor: Actor | null, programmeId: string) =>
  abilities(actor, programmesPolicy, { id: programmeId }, ["update", "delete"]);
export const courseAbilities = (actor: Actor | null) =>
  abilities(actor, coursesPolicy, null, ["update", "delete"]);
