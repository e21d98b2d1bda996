import { type Actor, hasRole, isStaff } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";
import { partnerOrganisationIds } from "../organisations/index.ts";

/**
 * Who may do what with SKO agreements. Coordinators and administrators manage everything; board
 * members and programme directors read every agreement; a partner representative reads only the
 * agreements their organisation is a party to — never another's (404) — and may add a need or comment on
 * a dialogue there. Changing or removing a need, appendix row or dialogue is the coordinators' (update).
 */
export type AgreementAction =
  | "list"
  | "read"
  | "create"
  | "update"
  | "delete"
  | "addNeed"
  | "addAppendix"
  | "addDialogue"
  | "uploadPlan"
  | "comment"
  | "sharedCourses";

/** The agreement as the rules see it: its parties' organisation ids (empty for a new one). */
export interface AgreementSubject {
  partyIds: readonly string[];
}

/** The organisations a reader is limited to, or null when they may read every agreement. */
export function readablePartyIds(actor: Actor | null): string[] | null {
  if (!actor) return [];
  if (isStaff(actor) || hasRole(actor, "group_member") || hasRole(actor, "programme_director")) return null;
  return partnerOrganisationIds(actor);
}

const canRead = (actor: Actor | null, s: AgreementSubject) => {
  const limited = readablePartyIds(actor);
  return limited === null || s.partyIds.some((id) => limited.includes(id));
};
const staff = (actor: Actor | null) => isStaff(actor);
/** A partner user of one of the agreement's parties (not a reader of every agreement). */
const partyMember = (actor: Actor | null, s: AgreementSubject) =>
  canRead(actor, s) && readablePartyIds(actor) !== null;

export const agreementPolicy: Policy<AgreementAction, AgreementSubject> = {
  list: (actor) => !!actor,
  read: { allow: canRead, refuse: "hide" },
  create: staff,
  update: staff,
  delete: staff,
  addNeed: (actor, s) => staff(actor) || partyMember(actor, s),
  addAppendix: staff,
  addDialogue: staff,
  uploadPlan: staff,
  comment: (actor, s) => staff(actor) || partyMember(actor, s),
  sharedCourses: staff,
};

export const agreementActions = [
  "update",
  "delete",
  "addNeed",
  "addAppendix",
  "addDialogue",
  "uploadPlan",
  "comment",
] as const;
