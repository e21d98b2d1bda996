import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { genders, participantRoles } from "../../../common/events.ts";
import { formatNumber } from "../../../common/format.ts";
import {
  type DefinitionFilters,
  type IndicatorDefinition,
  type IndicatorKind,
  indicatorKinds,
  isAgreementKind,
} from "../../../common/indicators.ts";
import { supportKinds } from "../../../common/localwork.ts";
import { organisationTypes } from "../../../common/organisations.ts";
import { Checkbox, PickList, Select, TextField } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { type FieldErrors, fieldId } from "../../lib/forms.ts";
import { activityTypesQuery, typeLabel } from "../activities/index.ts";
import { agreementsQuery } from "../agreements/index.ts";
import { usePreview } from "./indicators-api.ts";

/**
 * The part of the indicator form that says what a computed indicator counts: the kind, the limits
 * that make sense for it, and the server's own words and value for the result as it is built.
 */

export type Subject = { type: "framework" | "project" | "organisation"; id: string; name: string };

export interface DefinitionValues {
  count: IndicatorKind;
  activityTypes: string[];
  roleKeys: string[];
  organisationTypes: string[];
  tags: string;
  from: string;
  to: string;
  /** Count only what belongs to the subject (its project, organisation or the chosen framework goal). */
  scoped: boolean;
  /** The SKO agreement the agreement_* kinds count ("" = every agreement). */
  agreementId: string;
  /** Gender groups (count_participants_by_gender) and kinds of process support (sum_process_support_hours). */
  genders: string[];
  supportKinds: string[];
}

/** Kinds that count activities (and so take activity types, tags and organisation types). */
const activityKinds: readonly IndicatorKind[] = [
  "count_activities",
  "count_distinct_people_attended",
  "count_distinct_organisations",
  "sum_participants",
  "count_participants_by_gender",
];

const scopeKey = (subject: Subject) =>
  subject.type === "project" ? "projectId" : subject.type === "organisation" ? "organisationId" : "goalId";

export function definitionValues(
  definition: { kind: IndicatorKind; filters: Record<string, unknown> } | null | undefined,
  subject: Subject,
): DefinitionValues {
  const f = (definition?.filters ?? {}) as DefinitionFilters;
  const scope = f[scopeKey(subject)];
  return {
    count: definition?.kind ?? "count_activities",
    activityTypes: f.activityTypes ?? [],
    roleKeys: f.roleKeys ?? [],
    organisationTypes: f.organisationTypes ?? [],
    tags: (f.tags ?? []).join(", "),
    from: f.from ?? "",
    to: f.to ?? "",
    scoped: definition ? (subject.type === "framework" ? !!scope : scope === subject.id) : true,
    agreementId: f.agreementId ?? "",
    genders: f.genders ?? [],
    supportKinds: f.supportKinds ?? [],
  };
}

/**
 * The definition the values describe. Filters the form does not show (a series, output types,
 * spend categories) are kept from `base`, so editing never drops what was defined elsewhere.
 */
export function buildDefinition(
  v: DefinitionValues,
  subject: Subject,
  goalId: string,
  base: Record<string, unknown> = {},
): IndicatorDefinition {
  const filters: Record<string, unknown> = { ...base };
  const put = (key: keyof DefinitionFilters, value: string | string[] | undefined, applies = true) => {
    if (applies && value?.length) filters[key] = value;
    else delete filters[key];
  };
  const onActivities = activityKinds.includes(v.count);
  const tags = v.tags
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  put("activityTypes", v.activityTypes, onActivities);
  put("tags", tags, onActivities);
  put("organisationTypes", v.organisationTypes, onActivities);
  put("roleKeys", v.roleKeys, v.count === "count_distinct_people_attended");
  put("genders", v.genders, v.count === "count_participants_by_gender");
  put("supportKinds", v.supportKinds, v.count === "sum_process_support_hours");
  put("from", v.from.trim());
  put("to", v.to.trim());
  const onAgreements = isAgreementKind(v.count);
  put("agreementId", v.agreementId, onAgreements);
  // The agreements' figures narrow by organisation only (a partner party), not by project or goal.
  const scopeId = subject.type === "framework" ? goalId : subject.id;
  put(scopeKey(subject), scopeId, v.scoped && (!onAgreements || subject.type === "organisation"));
  return { kind: v.count, filters } as IndicatorDefinition;
}

function Choices({
  legend,
  options,
  selected,
  onChange,
}: {
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  onChange: (next: string[]) => void;
}) {
  return (
    <fieldset className="field">
      <legend className="field-label">{legend}</legend>
      {options.map((o) => (
        <Checkbox
          key={o.value}
          label={o.label}
          checked={selected.includes(o.value)}
          onChange={(on) => onChange(on ? [...selected, o.value] : selected.filter((s) => s !== o.value))}
        />
      ))}
    </fieldset>
  );
}

export function DefinitionBuilder({
  values: v,
  onChange,
  definition,
  subject,
  goalChosen,
  errors,
  prefix,
}: {
  values: DefinitionValues;
  onChange: (patch: Partial<DefinitionValues>) => void;
  /** What the values build, for the preview. */
  definition: IndicatorDefinition;
  subject: Subject;
  goalChosen: boolean;
  errors: FieldErrors;
  prefix: string;
}) {
  const { t } = useTranslation();
  const locale = currentLanguage();
  const types = useQuery(activityTypesQuery);
  const preview = usePreview(definition);
  const onActivities = activityKinds.includes(v.count);
  const onAgreements = isAgreementKind(v.count);
  const agreements = useQuery({ ...agreementsQuery, enabled: onAgreements });
  const id = (field: string) => fieldId(prefix, field);
  const scopeLabel =
    subject.type === "project"
      ? t("indicators.form.onlyProject", { name: subject.name })
      : subject.type === "organisation"
        ? t("indicators.form.onlyOrganisation", { name: subject.name })
        : t("indicators.form.onlyGoal");
  return (
    <>
      <Select
        id={id("definition.kind")}
        label={t("indicators.form.whatToCount")}
        value={v.count}
        onChange={(count) => onChange({ count: count as IndicatorKind })}
        error={errors["definition.kind"]}
        options={indicatorKinds.map((k) => ({ value: k, label: t(`indicators.form.countKinds.${k}`) }))}
      />
      <fieldset className="form">
        <legend>{t("indicators.form.filters")}</legend>
        {onAgreements && (
          <Select
            id={id("definition.filters.agreementId")}
            label={t("indicators.form.agreement")}
            value={v.agreementId}
            onChange={(agreementId) => onChange({ agreementId })}
            error={errors["definition.filters.agreementId"]}
            options={[
              { value: "", label: t("indicators.form.allAgreements") },
              ...(agreements.data?.items ?? []).map((a) => ({ value: a.id, label: a.title })),
            ]}
          />
        )}
        {(onAgreements
          ? subject.type === "organisation"
          : subject.type !== "framework" || (goalChosen && v.count !== "sum_kronor")) && (
          <Checkbox label={scopeLabel} checked={v.scoped} onChange={(scoped) => onChange({ scoped })} />
        )}
        {onActivities && (
          <PickList
            id={id("definition.filters.activityTypes")}
            label={t("indicators.form.activityTypes")}
            options={(types.data ?? [])
              .filter((x) => x.active)
              .map((x) => ({ id: x.key, label: typeLabel(x) }))}
            selected={v.activityTypes}
            onChange={(activityTypes) => onChange({ activityTypes })}
            error={errors["definition.filters.activityTypes"]}
          />
        )}
        {v.count === "count_distinct_people_attended" && (
          <Choices
            legend={t("indicators.form.roles")}
            options={participantRoles.map((r) => ({ value: r.key, label: r[locale] }))}
            selected={v.roleKeys}
            onChange={(roleKeys) => onChange({ roleKeys })}
          />
        )}
        {v.count === "count_participants_by_gender" && (
          <Choices
            legend={t("indicators.form.genders")}
            options={genders.map((g) => ({ value: g, label: t(`events.register.genderOptions.${g}`) }))}
            selected={v.genders}
            onChange={(next) => onChange({ genders: next })}
          />
        )}
        {v.count === "sum_process_support_hours" && (
          <Choices
            legend={t("indicators.form.supportKinds")}
            options={supportKinds.map((k) => ({ value: k, label: t(`localwork.kinds.${k}`) }))}
            selected={v.supportKinds}
            onChange={(next) => onChange({ supportKinds: next })}
          />
        )}
        {onActivities && (
          <>
            <Choices
              legend={t("indicators.form.organisationTypes")}
              options={organisationTypes.map((k) => ({ value: k, label: t(`organisations.types.${k}`) }))}
              selected={v.organisationTypes}
              onChange={(organisationTypes) => onChange({ organisationTypes })}
            />
            <TextField
              id={id("definition.filters.tags")}
              label={t("indicators.form.tags")}
              description={t("indicators.form.tagsHelp")}
              value={v.tags}
              onChange={(tags) => onChange({ tags })}
              error={errors["definition.filters.tags"]}
            />
          </>
        )}
        <TextField
          id={id("definition.filters.from")}
          label={t("indicators.form.from")}
          description={t("indicators.form.dateHelp")}
          value={v.from}
          onChange={(from) => onChange({ from })}
          error={errors["definition.filters.from"]}
        />
        <TextField
          id={id("definition.filters.to")}
          label={t("indicators.form.to")}
          description={t("indicators.form.dateHelp")}
          value={v.to}
          onChange={(to) => onChange({ to })}
          error={errors["definition.filters.to"]}
        />
      </fieldset>
      <div className="definition-preview" aria-live="polite">
        {preview.data ? (
          <p>
            <strong>{t("indicators.form.preview")}:</strong> {preview.data.definitionText}.{" "}
            {t("indicators.form.previewValue", { value: formatNumber(preview.data.actual, locale) })}
          </p>
        ) : (
          preview.isFetching && <p className="muted">{t("indicators.form.previewPending")}</p>
        )}
      </div>
    </>
  );
}
