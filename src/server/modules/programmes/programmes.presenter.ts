import type { TFunction } from "i18next";
import type { CourseView, ImpactView, ProgrammeView } from "../../../common/programmes.ts";
import type { Actor } from "../../platform/actor.ts";
import type { CourseRecord } from "./courses.service.ts";
import { courseAbilities, programmeAbilities } from "./programmes.policy.ts";
import type { ProgrammeRecord } from "./programmes.service.ts";

export function presentProgramme(p: ProgrammeRecord, actor: Actor | null): ProgrammeView {
  return {
    id: p.id,
    code: p.code,
    nameSv: p.nameSv,
    nameEn: p.nameEn,
    credits: p.credits,
    level: p.level,
    organisation: p.organisation,
    responsiblePerson: p.responsiblePerson,
    courses: p.courses,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    abilities: programmeAbilities(actor, p.id),
    name: p.nameSv,
  };
}

export function presentCourse(c: CourseRecord, actor: Actor | null): CourseView {
  return {
    id: c.id,
    code: c.code,
    nameSv: c.nameSv,
    nameEn: c.nameEn,
    credits: c.credits,
    level: c.level,
    organisation: c.organisation,
    responsiblePerson: c.responsiblePerson,
    contract: c.contract,
    clientOrganisation: c.clientOrganisation,
    programmes: c.programmes,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    abilities: courseAbilities(actor),
    name: c.nameSv,
  };
}

/**
 * Counts → the impact view: one translated sentence per kind that is affected (zero counts are left
 * out, so an empty list means "nothing else is affected"). `keyPrefix` is e.g. "programmes.impact".
 */
export function presentImpact(counts: Record<string, number>, keyPrefix: string, t: TFunction): ImpactView {
  return {
    effects: Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => ({ kind, count: n, text: t(`${keyPrefix}.${kind}`, { count: n }) })),
  };
}
