import { type Actor, isAdmin, isStaff } from "../../platform/actor.ts";
import { abilities, type Policy } from "../../platform/authorize.ts";
import { canReadRegisters, partnerOrganisationIds } from "../organisations/index.ts";

/**
 * Who may do what with people. Everyone logged in reads; the collaboration office keeps the register;
 * a partner representative may correct the people who are members of their own organisation, and
 * their memberships of it — never a membership of another organisation. Linking a person to a user
 * account (`userId`) gives that account the person's project leads and so is an administrator's act.
 */
export const canCreatePerson = (actor: Actor | null) => isStaff(actor);
export const canDeletePerson = (actor: Actor | null) => isStaff(actor);
export const canMergePeople = (actor: Actor | null) => isStaff(actor);
export const canLinkUser = (actor: Actor | null) => isAdmin(actor);

export function canUpdatePerson(actor: Actor | null, person: { memberships: { organisationId: string }[] }) {
  if (isStaff(actor)) return true;
  const own = partnerOrganisationIds(actor);
  return person.memberships.some((m) => own.includes(m.organisationId));
}

interface MembershipFacts {
  organisationId: string;
  role?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

/**
 * Replacing `before` by `after` touches only the actor's own organisations: staff may change any
 * membership; a partner's list must keep every membership of another organisation exactly as it was.
 */
export function canSetMemberships(actor: Actor | null, before: MembershipFacts[], after: MembershipFacts[]) {
  if (isStaff(actor)) return true;
  const own = partnerOrganisationIds(actor);
  const foreign = (list: MembershipFacts[]) =>
    list
      .filter((m) => !own.includes(m.organisationId))
      .map((m) => JSON.stringify([m.organisationId, m.role ?? null, m.startDate ?? null, m.endDate ?? null]))
      .sort()
      .join("\n");
  return foreign(before) === foreign(after);
}

/** What a rule looks at: the person's memberships, and for `setMemberships` the list replacing them. */
export interface PersonSubject {
  memberships: MembershipFacts[];
  replacing?: MembershipFacts[];
}

export const peoplePolicy = {
  list: canReadRegisters,
  read: { allow: canReadRegisters, refuse: "hide" },
  create: canCreatePerson,
  update: (actor, person) => !!person && canUpdatePerson(actor, person),
  setMemberships: (actor, s) => !!s && canSetMemberships(actor, s.memberships, s.replacing ?? s.memberships),
  linkUser: canLinkUser,
  delete: canDeletePerson,
  merge: canMergePeople,
} satisfies Policy<
  "list" | "read" | "create" | "update" | "setMemberships" | "linkUser" | "delete" | "merge",
  PersonSubject | null
>;

export function personAbilities(actor: Actor | null, person: { memberships: { organisationId: string }[] }) {
  return abilities(actor, peoplePolicy, person, ["update", "delete"]);
}
