import { type Actor, isStaff } from "../../platform/actor.ts";
import { partnerOrganisationIds } from "../organisations/organisations.policy.ts";

/**
 * Who may do what with people. Everyone logged in reads; the collaboration office keeps the register;
 * a partner representative may correct the people who are members of their own organisation.
 */
export const canCreatePerson = (actor: Actor | null) => isStaff(actor);
export const canDeletePerson = (actor: Actor | null) => isStaff(actor);
export const canMergePeople = (actor: Actor | null) => isStaff(actor);

export function canUpdatePerson(actor: Actor | null, person: { memberships: { organisationId: string }[] }) {
  if (isStaff(actor)) return true;
  const own = partnerOrganisationIds(actor);
  return person.memberships.some((m) => own.includes(m.organisationId));
}

export function personAbilities(actor: Actor | null, person: { memberships: { organisationId: string }[] }) {
  return { update: canUpdatePerson(actor, person), delete: canDeletePerson(actor) };
}
