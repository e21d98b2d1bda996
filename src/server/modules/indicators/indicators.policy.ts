import { type Actor, isStaff } from "../../platform/actor.ts";
import { abilities, type Policy } from "../../platform/authorize.ts";
import { canReadOrganisationFollowUp, partnerOrganisationIds } from "../organisations/index.ts";

/**
 * Indicators are read by everyone inside the platform, except that a partner representative sees
 * only the indicators of their own organisation. Staff define, change and delete indicators; staff
 * and the partner of the indicator's organisation enter manual values (an organisation reports its
 * own goals).
 */
export { readableOrganisationIds } from "../organisations/index.ts";

export const canReadIndicator = (actor: Actor | null, indicator: { organisationId: string | null }) =>
  canReadOrganisationFollowUp(actor, indicator.organisationId);

/** Everyone logged in lists indicators; the list holds only those `canReadIndicator` lets them see. */
export const canListIndicators = (actor: Actor | null) => !!actor;

export const canManageIndicators = (actor: Actor | null) => isStaff(actor);

/**
 * Changing or deleting an indicator follows who may define one: staff. A partner enters values for
 * their organisation's goals but does not rewrite the goals themselves (nor anyone else's).
 */
export const canChangeIndicator = (actor: Actor | null, _indicator: { organisationId: string | null }) =>
  canManageIndicators(actor);

export const canAddValue = (
  actor: Actor | null,
  indicator: { kind: string; organisationId: string | null },
) =>
  indicator.kind === "manual" &&
  (isStaff(actor) ||
    (!!indicator.organisationId && partnerOrganisationIds(actor).includes(indicator.organisationId)));

/** The subject of an indicator rule: its organisation (null: the platform's own) and, for values, its kind. */
export interface IndicatorSubject {
  organisationId: string | null;
  kind?: string;
}

export const indicatorsPolicy = {
  list: canListIndicators,
  read: { allow: (actor, s) => canReadIndicator(actor, s), refuse: "hide" },
  create: canManageIndicators,
  update: canChangeIndicator,
  delete: canChangeIndicator,
  addValue: (actor, s) => canAddValue(actor, { kind: s.kind ?? "", organisationId: s.organisationId }),
} satisfies Policy<"list" | "read" | "create" | "update" | "delete" | "addValue", IndicatorSubject>;

/** Sent with every indicator so the web shows only the buttons the user may use. */
export const indicatorAbilities = (actor: Actor | null, indicator: IndicatorSubject) =>
  abilities(actor, indicatorsPolicy, indicator, ["addValue", "update", "delete"]);
