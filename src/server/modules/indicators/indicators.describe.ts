import { participantRoles } from "../../../common/events.ts";
import {
  type AgreementIndicatorKind,
  type IndicatorDefinition,
  isAgreementKind,
} from "../../../common/indicators.ts";
import { translator } from "../../platform/i18n.ts";
import type { DefinitionNames } from "../../read/indicators-names.ts";

/**
 * A definition in words, in Swedish and English: "distinkta personer som deltog i minst ett
 * seminarium eller en workshop i LC-KOMP, 2009-08-01 – 2011-07-31". The words are grammar, so they
 * live here beside the code that composes them rather than as loose i18n keys. The names they need are
 * looked up by the read layer (read/indicators-names.ts, loadDefinitionNames).
 */

export type DescribeLocale = "sv" | "en";

const agreementFigures: Record<AgreementIndicatorKind, { sv: string; en: string }> = {
  agreement_courses_delivered: { sv: "genomförda kurser", en: "courses delivered" },
  agreement_participants: { sv: "deltagare i kurserna", en: "participants in the courses" },
  agreement_credits_taken: { sv: "tagna hp", en: "credits taken" },
  agreement_needs_covered_pct: { sv: "andel täckta behov (%)", en: "share of needs covered (%)" },
  agreement_budget_use_pct: { sv: "budgetutnyttjande (%)", en: "budget use (%)" },
};

/** Activity types whose Swedish noun takes "ett" (the rest take "en"). */
const ettWords = /(ium|um|möte|program|projekt|arbete|besök|råd|skap|kontrakt|mingel|lopp|event)$/i;

function swedishIndefinite(label: string) {
  const noun = label.toLocaleLowerCase("sv");
  return `${ettWords.test(noun.split(/[\s/(]/)[0]) ? "ett" : "en"} ${noun}`;
}

function orList(items: string[], locale: DescribeLocale) {
  const or = locale === "sv" ? "eller" : "or";
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${or} ${items[items.length - 1]}`;
}

function typeLabels(keys: readonly string[] | undefined, names: DefinitionNames, locale: DescribeLocale) {
  return (keys ?? []).map((k) =>
    (names.activityTypes[k]?.[locale] ?? k).toLocaleLowerCase(locale === "sv" ? "sv" : "en"),
  );
}

function period(from: string | undefined, to: string | undefined, locale: DescribeLocale) {
  if (from && to) return `, ${from} – ${to}`;
  if (from) return locale === "sv" ? `, från ${from}` : `, from ${from}`;
  if (to) return locale === "sv" ? `, till och med ${to}` : `, up to ${to}`;
  return "";
}

/** " i LC-KOMP, i serien X, med Org, med taggen T, kopplade till målet A" — the filters on activities. */
function activityQualifiers(
  def: IndicatorDefinition,
  names: DefinitionNames,
  locale: DescribeLocale,
  skipOrgTypes = false,
) {
  const f = def.filters ?? {};
  const t = translator(locale);
  const sv = locale === "sv";
  const parts: string[] = [];
  if (names.project) parts.push(sv ? ` i ${names.project}` : ` in ${names.project}`);
  if (names.series) parts.push(sv ? ` i serien ${names.series}` : ` in the series ${names.series}`);
  if (names.organisation) parts.push(sv ? ` med ${names.organisation}` : ` with ${names.organisation}`);
  if (f.tags?.length)
    parts.push(sv ? ` med temat ${orList(f.tags, locale)}` : ` on the theme ${orList(f.tags, locale)}`);
  if (names.goal) parts.push(sv ? ` kopplad till målet ${names.goal}` : ` linked to the goal ${names.goal}`);
  if (f.organisationTypes?.length && !skipOrgTypes) {
    const types = orList(
      f.organisationTypes.map((k) => t(`organisations.types.${k}`).toLocaleLowerCase()),
      locale,
    );
    parts.push(sv ? ` med en organisation av typen ${types}` : ` with an organisation of type ${types}`);
  }
  return parts.join("");
}

function activitiesPhrase(def: IndicatorDefinition, names: DefinitionNames, locale: DescribeLocale) {
  const labels = typeLabels(def.filters?.activityTypes, names, locale);
  if (locale === "sv") return labels.length ? orList(labels.map(swedishIndefinite), "sv") : "en aktivitet";
  return labels.length ? orList(labels, "en") : "activity";
}

function pluralActivities(def: IndicatorDefinition, names: DefinitionNames, locale: DescribeLocale) {
  const labels = typeLabels(def.filters?.activityTypes, names, locale);
  if (locale === "sv") return labels.length ? `aktiviteter av typen ${orList(labels, "sv")}` : "aktiviteter";
  return labels.length ? `activities of type ${orList(labels, "en")}` : "activities";
}

export function describeDefinition(
  def: IndicatorDefinition,
  names: DefinitionNames,
  locale: DescribeLocale,
): string {
  const f = def.filters ?? {};
  const t = translator(locale);
  const sv = locale === "sv";
  const when = period(f.from, f.to, locale);
  if (isAgreementKind(def.kind)) {
    const what = agreementFigures[def.kind][locale];
    const which = names.agreement
      ? sv
        ? ` i avtalet ${names.agreement}`
        : ` in the agreement ${names.agreement}`
      : sv
        ? " i SKO-avtalen"
        : " in the SKO agreements";
    const whose = names.organisation
      ? sv
        ? ` med ${names.organisation}`
        : ` with ${names.organisation}`
      : "";
    return `${what}${which}${whose}${when}`;
  }
  switch (def.kind) {
    case "count_distinct_people_attended": {
      const roles = f.roleKeys?.length
        ? orList(
            f.roleKeys.map((k) =>
              (participantRoles.find((r) => r.key === k)?.[locale] ?? k).toLocaleLowerCase(),
            ),
            locale,
          )
        : "";
      const who = sv
        ? `distinkta personer${roles ? ` (${roles})` : ""} som deltog i minst`
        : `distinct persons${roles ? ` (${roles})` : ""} who attended at least`;
      const one = sv ? activitiesPhrase(def, names, locale) : `one ${activitiesPhrase(def, names, locale)}`;
      return `${who} ${one}${activityQualifiers(def, names, locale)}${when}`;
    }
    case "count_activities":
      return `${pluralActivities(def, names, locale)}${activityQualifiers(def, names, locale)}${when}`;
    case "sum_participants":
      return `${sv ? "summan av uppskattat antal deltagare i" : "the sum of the estimated number of participants in"} ${pluralActivities(def, names, locale)}${activityQualifiers(def, names, locale)}${when}`;
    case "count_distinct_organisations": {
      const types = f.organisationTypes?.length
        ? ` (${orList(
            f.organisationTypes.map((k) => t(`organisations.types.${k}`).toLocaleLowerCase()),
            locale,
          )})`
        : "";
      const one = sv ? activitiesPhrase(def, names, locale) : `one ${activitiesPhrase(def, names, locale)}`;
      return `${sv ? "distinkta organisationer" : "distinct organisations"}${types} ${sv ? "kopplade till minst" : "linked to at least"} ${one}${activityQualifiers(def, names, locale, true)}${when}`;
    }
    case "sum_kronor": {
      const parts = [sv ? "summan av förbrukade medel (kr)" : "the sum of funds spent (SEK)"];
      if (names.organisation) parts.push(sv ? ` hos ${names.organisation}` : ` of ${names.organisation}`);
      if (names.project)
        parts.push(sv ? ` i projektet ${names.project}` : ` in the project ${names.project}`);
      if (f.categories?.length)
        parts.push(
          sv
            ? ` i kategorin ${orList(f.categories, locale)}`
            : ` in the category ${orList(f.categories, locale)}`,
        );
      return `${parts.join("")}${when}`;
    }
    case "sum_process_support_hours": {
      const kinds = (f.supportKinds ?? []).map((k) => t(`localwork.kinds.${k}`).toLocaleLowerCase());
      const parts = [
        sv
          ? `timmar processtöd${kinds.length ? ` (${orList(kinds, locale)})` : ""} till de lokala utvecklingsplanerna`
          : `hours of process support${kinds.length ? ` (${orList(kinds, locale)})` : ""} to the local development plans`,
      ];
      if (names.project) parts.push(sv ? ` i ${names.project}` : ` in ${names.project}`);
      if (names.organisation) parts.push(sv ? ` hos ${names.organisation}` : ` of ${names.organisation}`);
      return `${parts.join("")}${when}`;
    }
    case "count_participants_by_gender": {
      const which = (f.genders ?? []).map((g) => t(`events.register.genderOptions.${g}`).toLocaleLowerCase());
      const one = sv ? activitiesPhrase(def, names, locale) : `one ${activitiesPhrase(def, names, locale)}`;
      const what = sv
        ? `deltagare${which.length ? ` (${orList(which, locale)})` : ""} som samtyckt till att uppge kön och deltog i minst`
        : `participants${which.length ? ` (${orList(which, locale)})` : ""} who consented to give their gender and attended at least`;
      const rule = sv
        ? "; bara grupper om minst 5 räknas, färre än 5 visas inte"
        : "; only groups of at least 5 count, fewer than 5 are not shown";
      return `${what} ${one}${activityQualifiers(def, names, locale)}${when}${rule}`;
    }
    case "count_project_outputs": {
      const types = (f.outputTypes ?? []).map((k) => t(`projects.outputTypes.${k}`).toLocaleLowerCase());
      const parts = [
        sv
          ? `antal projektresultat${types.length ? ` av typen ${orList(types, locale)}` : ""}`
          : `number of project outputs${types.length ? ` of type ${orList(types, locale)}` : ""}`,
      ];
      if (names.project) parts.push(sv ? ` i ${names.project}` : ` in ${names.project}`);
      if (names.organisation)
        parts.push(sv ? ` i projekt hos ${names.organisation}` : ` in projects of ${names.organisation}`);
      if (names.goal)
        parts.push(sv ? ` kopplade till målet ${names.goal}` : ` linked to the goal ${names.goal}`);
      return `${parts.join("")}${when}`;
    }
  }
}
