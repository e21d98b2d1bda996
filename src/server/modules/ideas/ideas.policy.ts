import type { Actor } from "../../platform/actor.ts";
import { hasRole, isStaff, scopedIds } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/**
 * Who may do what with calls for ideas. Coordinators and administrators run calls and move ideas;
 * the call's panel (its reviewers) reads the call's ideas and scores them; board and group members
 * read calls and ideas to prepare decisions; a partner reads the ideas of their own organisation.
 * Submitters' e-mail addresses are personal data: only staff see them. The public reaches open public
 * calls and its own idea through the personal link (public routes), never this policy's reads.
 */
export interface CallSubject {
  organisationId: string;
  reviewerUserIds: readonly string[];
}
export interface IdeaSubject extends CallSubject {
  /** The idea's organisation, when the submitter's organisation matched the register. */
  ideaOrganisationId: string | null;
}

const isReviewer = (actor: Actor | null, s: CallSubject) =>
  !!actor && s.reviewerUserIds.includes(actor.userId);
const isInternal = (actor: Actor | null) => isStaff(actor) || hasRole(actor, "group_member");
const isPartnerOf = (actor: Actor | null, organisationId: string | null) =>
  !!organisationId && scopedIds(actor, "partner", "organisation").includes(organisationId);

export const callPolicy: Policy<"list" | "read" | "readPanel" | "create" | "manage", CallSubject | null> = {
  list: (actor) => !!actor,
  read: { allow: (actor) => !!actor, refuse: "hide" },
  /** Who sits on the panel: those inside (office, groups) and the panel itself, not partners. */
  readPanel: (actor, s) => isInternal(actor) || (!!s && isReviewer(actor, s)),
  create: (actor) => isStaff(actor),
  /** Setting the call's panel and finding candidates for it. */
  manage: (actor) => isStaff(actor),
};

/** The public face's calls: anyone, the public included, lists the open public calls and reads a public call. */
export const isPublicCall = (_actor: Actor | null, call: { public: boolean } | null) => !!call?.public;

export const publicCallPolicy: Policy<"list" | "read", { public: boolean } | null> = {
  list: { allow: () => true, public: true },
  read: { allow: isPublicCall, refuse: "hide", public: true },
};

export const ideaPolicy: Policy<
  "read" | "readPersonal" | "move" | "review" | "grant" | "recommend",
  IdeaSubject
> = {
  read: {
    allow: (actor, s) =>
      isInternal(actor) || isReviewer(actor, s) || isPartnerOf(actor, s.ideaOrganisationId),
    refuse: "hide",
  },
  readPersonal: (actor) => isStaff(actor),
  move: (actor) => isStaff(actor),
  review: (actor, s) => isReviewer(actor, s),
  grant: (actor) => isStaff(actor),
  /** The sector group prepares the board's decision: its members and the office. */
  recommend: (actor) => isInternal(actor),
};

/** Whether a list of a call's ideas is limited to one partner's organisations (null: every idea). */
export function ideaListScope(actor: Actor | null, call: CallSubject): string[] | null {
  if (isInternal(actor) || isReviewer(actor, call)) return null;
  return scopedIds(actor, "partner", "organisation");
}
