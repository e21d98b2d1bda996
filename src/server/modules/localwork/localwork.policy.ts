import type { Actor } from "../../platform/actor.ts";
import { hasRole, isStaff, scopedIds } from "../../platform/actor.ts";
import type { Policy } from "../../platform/authorize.ts";

/**
 * Who may do what with local development plans. The office (coordinators, administrators) keeps every
 * organisation's plan; a partner keeps their own organisation's plan and records its process support;
 * programme directors and board/group members read all plans to follow the project.
 */
export interface PlanSubject {
  organisationId: string;
}

const isPartnerOf = (actor: Actor | null, organisationId: string) =>
  scopedIds(actor, "partner", "organisation").includes(organisationId);
const readsAll = (actor: Actor | null) =>
  isStaff(actor) || hasRole(actor, "group_member") || hasRole(actor, "programme_director");

export const localPlanPolicy: Policy<"list" | "read" | "create" | "manage", PlanSubject | null> = {
  list: (actor) => !!actor,
  read: {
    allow: (actor, s) => readsAll(actor) || (!!s && isPartnerOf(actor, s.organisationId)),
    refuse: "hide",
  },
  create: (actor, s) => isStaff(actor) || (!!s && isPartnerOf(actor, s.organisationId)),
  manage: (actor, s) => isStaff(actor) || (!!s && isPartnerOf(actor, s.organisationId)),
};

/** The organisations whose plans a list shows the actor (null: every organisation's). */
export const planListScope = (actor: Actor | null): string[] | null =>
  readsAll(actor) ? null : scopedIds(actor, "partner", "organisation");
