import type { ActivityTypeView, ActivityView } from "../../../common/activities.ts";
import type { Actor } from "../../platform/actor.ts";
import { activityAbilities, reachOf } from "./activities.policy.ts";
import type { ActivityRecord } from "./activities.records.ts";
import type { ActivityTypeRecord } from "./activity-types.service.ts";

export function presentActivity(a: ActivityRecord, actor: Actor | null): ActivityView {
  return {
    id: a.id,
    title: a.title,
    typeKey: a.typeKey,
    type: a.type,
    description: a.description,
    startDate: a.startDate,
    endDate: a.endDate,
    place: a.place,
    status: a.status,
    organisers: a.organisers,
    partners: a.partners,
    programmes: a.programmes,
    courses: a.courses,
    mandatory: a.mandatory,
    evaluated: a.evaluated,
    evaluationText: a.evaluationText,
    participants: a.participants,
    tags: a.tags,
    evidenceLinks: a.evidenceLinks,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    abilities: activityAbilities(actor, reachOf(a.links)),
  };
}

export function presentActivityType(t: ActivityTypeRecord): ActivityTypeView {
  return {
    key: t.key,
    labelSv: t.labelSv,
    labelEn: t.labelEn,
    category: t.category,
    sortOrder: t.sortOrder,
    active: t.active,
  };
}
