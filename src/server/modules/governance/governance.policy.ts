import { type Actor, isStaff } from "../../platform/actor.ts";
import { abilities, type Policy } from "../../platform/authorize.ts";

/**
 * Who may do what in governance (issue 17, item 5). The subject says how the actor stands to the
 * body concerned: a member sees the body's meetings, documents and non-public items; its secretary
 * manages it together with the collaboration office (coordinators, administrators). Everyone else —
 * partners and the public — sees only what is marked public (public agenda items, approved public
 * minutes, public decisions, the registry's entries with confidential ones masked).
 */
export interface Standing {
  /** The actor is a member of the body (any role, current period). */
  member: boolean;
  /** The actor is the body's secretary. */
  secretary: boolean;
  /** The record concerned is marked public. */
  public: boolean;
}

export const standingNone: Standing = { member: false, secretary: false, public: false };

const insider = (actor: Actor | null, s: Standing) => isStaff(actor) || s.member || s.secretary;
const manager = (actor: Actor | null, s: Standing) => isStaff(actor) || s.secretary;

export type GovernanceAction =
  | "listBodies"
  | "readBody"
  | "createBody"
  | "manageBody"
  | "listMeetings"
  | "readMeeting"
  | "readInternal"
  | "manageMeeting"
  | "listDecisions"
  | "listRegistry"
  | "readConfidential"
  | "register";

export const governancePolicy: Policy<GovernanceAction, Standing> = {
  listBodies: (actor) => !!actor,
  readBody: { allow: (actor) => !!actor, refuse: "hide" },
  createBody: (actor) => isStaff(actor),
  manageBody: manager,
  listMeetings: { allow: () => true, public: true },
  readMeeting: { allow: (actor, s) => insider(actor, s) || s.public, refuse: "hide", public: true },
  readInternal: { allow: insider, refuse: "hide", public: true },
  manageMeeting: manager,
  listDecisions: { allow: () => true, public: true },
  listRegistry: { allow: () => true, public: true },
  readConfidential: { allow: insider, refuse: "hide", public: true },
  register: manager,
};

/** The same predicates as a boolean, for masking rows in lists. */
export const may = (action: GovernanceAction, actor: Actor | null, s: Standing) =>
  abilities(actor, governancePolicy, s, [action])[action];
