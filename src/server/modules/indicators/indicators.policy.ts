import { type Actor, isStaff } from "../../platform/actor.ts";
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
