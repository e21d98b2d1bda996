import { type Actor, isStaff, scopedIds } from "../../platform/actor.ts";

/**
 * Who may do what with organisations. Every logged-in user reads the registers (the public gets 401
 * from the session hook); the collaboration office keeps them; a partner representative keeps the
 * details of their own organisation but removes nothing.
 */
export const canReadRegisters = (actor: Actor | null): actor is Actor => !!actor;
export const canCreateOrganisation = (actor: Actor | null) => isStaff(actor);
export const canDeleteOrganisation = (actor: Actor | null) => isStaff(actor);
export const canMergeOrganisations = (actor: Actor | null) => isStaff(actor);

/** The organisations a partner representative speaks for. */
export const partnerOrganisationIds = (actor: Actor | null) => scopedIds(actor, "partner", "organisation");

export function canUpdateOrganisation(actor: Actor | null, organisation: { id: string }) {
  return isStaff(actor) || partnerOrganisationIds(actor).includes(organisation.id);
}

/** Sent with every organisation so the web shows only the buttons the user may use. */
export function organisationAbilities(actor: Actor | null, organisation: { id: string }) {
  return { update: canUpdateOrganisation(actor, organisation), delete: canDeleteOrganisation(actor) };
}
