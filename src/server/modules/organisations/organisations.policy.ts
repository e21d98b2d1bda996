import { type Actor, isStaff, scopedIds } from "../../platform/actor.ts";
import { abilities, type Policy } from "../../platform/authorize.ts";

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

export const organisationsPolicy = {
  list: canReadRegisters,
  read: { allow: canReadRegisters, refuse: "hide" },
  create: canCreateOrganisation,
  update: (actor, organisation) => !!organisation && canUpdateOrganisation(actor, organisation),
  delete: canDeleteOrganisation,
  merge: canMergeOrganisations,
} satisfies Policy<"list" | "read" | "create" | "update" | "delete" | "merge", { id: string } | null>;

/** Sent with every organisation so the web shows only the buttons the user may use. */
export function organisationAbilities(actor: Actor | null, organisation: { id: string }) {
  return abilities(actor, organisationsPolicy, organisation, ["update", "delete"]);
}
