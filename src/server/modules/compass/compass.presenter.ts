import type { ModelView } from "../../../common/compass.ts";
import type { Locale } from "../../../common/format.ts";
import type { ModelVersion } from "./model.service.ts";

/** A model version as the API shows it: labels in the request's language, both languages beside. */
export function presentModel(model: ModelVersion, locale: Locale): ModelView {
  const en = locale === "en";
  return {
    version: model.version,
    period: model.period,
    note: model.note,
    createdAt: model.createdAt.toISOString(),
    createdBy: model.createdBy,
    dimensions: model.dimensions.map((d) => ({
      key: d.key,
      label: en ? d.labelEn : d.labelSv,
      description: en ? d.descriptionEn : d.descriptionSv,
      activityTypes: d.activityTypes,
      levels: en ? d.levelsEn : d.levelsSv,
      thresholds: d.thresholds,
      labelSv: d.labelSv,
      labelEn: d.labelEn,
      descriptionSv: d.descriptionSv,
      descriptionEn: d.descriptionEn,
      levelsSv: d.levelsSv,
      levelsEn: d.levelsEn,
    })),
  };
}
