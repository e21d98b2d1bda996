import type { PersonDetailView, PersonView } from "../../../common/people.ts";
import type { Actor } from "../../platform/actor.ts";
import { personAbilities } from "./people.policy.ts";
import type { PersonDetail, PersonRecord } from "./people.service.ts";

export function presentPerson(actor: Actor | null, person: PersonRecord): PersonView {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    phone: person.phone,
    title: person.title,
    lawfulBasis: person.lawfulBasis,
    consentAt: person.consentAt?.toISOString() ?? null,
    notes: person.notes,
    userId: person.userId,
    memberships: person.memberships,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
    abilities: personAbilities(actor, person),
  };
}

export function presentPersonDetail(actor: Actor | null, person: PersonDetail): PersonDetailView {
  return {
    ...presentPerson(actor, person),
    user: person.user,
    responsibleForProgrammes: person.responsibleForProgrammes,
    responsibleForCourses: person.responsibleForCourses,
  };
}
