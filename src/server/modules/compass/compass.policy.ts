import { type Actor, isAdmin, isStaff, scopedIds } from "../../platform/actor.ts";
import { abilities, type Policy } from "../../platform/authorize.ts";
import { canReadOrganisationFollowUp } from "../organisations/index.ts";

/**
 * Who may do what with the compass. Every logged-in user reads compasses and aggregates; administrators
 * change the model; the collaboration office (coordinators) keeps the offer catalogue; a programme
 * director works on the compass of the programmes in their scope only.
 */
export const directedProgrammeIds = (actor: Actor | null) =>
  scopedIds(actor, "programme_director", "programme");

/** Everyone logged in reads the model, the offers and every programme's compass, outcomes and work process. */
export const canReadCompass = (actor: Actor | null) => !!actor;
export const canEditModel = (actor: Actor | null) => isAdmin(actor);
export const canManageOffers = (actor: Actor | null) => isStaff(actor);

/** Goals (målbild), notes, assessed levels, learning outcomes, taking offers, recomputing a year. */
export const canManageProgrammeCompass = (actor: Actor | null, programmeId: string) =>
  isAdmin(actor) || directedProgrammeIds(actor).includes(programmeId);

/** The work process is the programme's, with support from the collaboration office (seed 000, activity 4). */
export const canManageWorkProcess = (actor: Actor | null, programmeId: string) =>
  isStaff(actor) || directedProgrammeIds(actor).includes(programmeId);

/** The subject of a programme's compass rules: the programme (null for the model and the offers). */
export type CompassSubject = { programmeId: string } | null;

export const compassPolicy = {
  read: { allow: canReadCompass, refuse: "hide" },
  editModel: canEditModel,
  manageOffers: canManageOffers,
  manage: (actor, s) => !!s && canManageProgrammeCompass(actor, s.programmeId),
  recompute: (actor, s) => !!s && canManageProgrammeCompass(actor, s.programmeId),
  workProcess: (actor, s) => !!s && canManageWorkProcess(actor, s.programmeId),
} satisfies Policy<
  "read" | "editModel" | "manageOffers" | "manage" | "recompute" | "workProcess",
  CompassSubject
>;

export const programmeCompassAbilities = (actor: Actor | null, programmeId: string) =>
  abilities(actor, compassPolicy, { programmeId }, ["manage", "recompute", "workProcess"]);

/**
 * A unit's compass (its aggregate, heat-map, trend and exports) is follow-up data of that organisation:
 * everyone inside the platform reads every unit; a partner only their own organisations' — another
 * organisation's unit answers 404 as if it did not exist (decision 007), and is absent from the list.
 */
export const canReadUnit = (actor: Actor | null, unit: { organisationId: string }) =>
  canReadOrganisationFollowUp(actor, unit.organisationId);

export const unitPolicy: Policy<"read", { organisationId: string }> = {
  read: { allow: canReadUnit, refuse: "hide" },
};
