import type { OrganisationDetailView, OrganisationView } from "../../../common/organisations.ts";
import type { Actor } from "../../platform/actor.ts";
import { organisationAbilities } from "./organisations.policy.ts";
import type { OrganisationDetail, OrganisationRecord } from "./organisations.service.ts";

export function presentOrganisation(actor: Actor | null, org: OrganisationRecord): OrganisationView {
  return {
    id: org.id,
    name: org.name,
    type: org.type,
    orgNumber: org.orgNumber,
    parentId: org.parentId,
    parent: org.parent,
    municipalityCode: org.municipalityCode,
    county: org.county,
    website: org.website,
    description: org.description,
    tags: org.tags,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
    abilities: organisationAbilities(actor, org),
  };
}

export function presentOrganisationDetail(
  actor: Actor | null,
  detail: OrganisationDetail,
): OrganisationDetailView {
  const { links } = detail;
  return { ...presentOrganisation(actor, detail), ...links };
}
