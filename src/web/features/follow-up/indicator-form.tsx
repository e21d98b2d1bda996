import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import {
  type CreateIndicatorInput,
  createIndicatorInput,
  type Direction,
  directions,
  type IndicatorView,
  updateIndicatorInput,
} from "../../../common/indicators.ts";
import { Button, FormErrorSummary, FormProblem, Select, TextField } from "../../components/index.ts";
import { fieldId, useForm } from "../../lib/forms.ts";
import {
  buildDefinition,
  DefinitionBuilder,
  type DefinitionValues,
  definitionValues,
  type Subject,
} from "./definition-builder.tsx";
import { frameworkGoalsQuery, useCreateIndicator, useUpdateIndicator } from "./indicators-api.ts";

export type { Subject } from "./definition-builder.tsx";

/** "1 000" and "1000" are the same number; empty is no number (null: the server says what is missing). */
const toNumber = (text: string) =>
  text.trim() === "" ? null : Number(text.replace(/[\s\u00a0]/g, "").replace(",", "."));
const numberText = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

/** The subject an existing indicator is edited under: its framework, else its project, else its organisation. */
export function subjectOf(i: IndicatorView): Subject | null {
  if (i.framework) return { type: "framework", ...i.framework };
  if (i.project) return { type: "project", ...i.project };
  if (i.organisation) return { type: "organisation", ...i.organisation };
  return null;
}

/**
 * "Ny indikator" for a framework, project or organisation, and "Redigera" of an existing one: name,
 * unit, target with direction and dates, baseline, and for a computed indicator what it counts.
 * Field errors (ours or the server's 422) are shown beside the fields and in the summary.
 */
export function IndicatorForm({
  subject,
  indicator,
  onSaved,
  onCancel,
}: {
  subject: Subject;
  indicator?: IndicatorView;
  onSaved: (saved: IndicatorView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const create = useCreateIndicator();
  const update = useUpdateIndicator(indicator?.id ?? "");
  const goals = useQuery({ ...frameworkGoalsQuery(subject.id), enabled: subject.type === "framework" });
  const initial = {
    name: indicator?.name ?? "",
    unit: indicator?.unit ?? "",
    goalId: indicator?.goal?.id ?? "",
    goalText: indicator?.goalText ?? "",
    direction: indicator?.direction ?? ("at_least" as Direction),
    target: numberText(indicator?.target),
    baseline: numberText(indicator?.baseline),
    startDate: indicator?.startDate ?? "",
    deadline: indicator?.deadline ?? "",
    kind: indicator?.kind ?? ("computed" as "computed" | "manual"),
    ...definitionValues(indicator?.definition, subject),
  };
  const computed = (v: typeof initial) =>
    buildDefinition(v, subject, v.goalId, indicator?.definition?.filters ?? {});
  const toInput = (v: typeof initial) => ({
    name: v.name,
    unit: v.unit,
    goalText: v.goalText || null,
    direction: v.direction,
    target: toNumber(v.target),
    baseline: toNumber(v.baseline),
    startDate: v.startDate || null,
    deadline: v.deadline || null,
    ...(subject.type === "framework" ? { goalId: v.goalId || null } : {}),
    ...(indicator
      ? v.kind === "computed"
        ? { definition: computed(v) }
        : {}
      : {
          [`${subject.type}Id`]: subject.id,
          definition: v.kind === "computed" ? computed(v) : null,
        }),
  });
  const form = useForm(indicator ? updateIndicatorInput : createIndicatorInput, initial, toInput);
  const v = form.values;
  const labels: Record<string, string> = {
    name: t("indicators.form.name"),
    unit: t("indicators.form.unit"),
    goalId: t("indicators.form.goal"),
    goalText: t("indicators.form.goalText"),
    direction: t("indicators.form.direction"),
    target: t("indicators.form.target"),
    baseline: t("indicators.form.baseline"),
    startDate: t("indicators.form.startDate"),
    deadline: t("indicators.form.deadline"),
    definition: t("indicators.definition"),
    "definition.kind": t("indicators.form.whatToCount"),
    "definition.filters.activityTypes": t("indicators.form.activityTypes"),
    "definition.filters.tags": t("indicators.form.tags"),
    "definition.filters.from": t("indicators.form.from"),
    "definition.filters.to": t("indicators.form.to"),
  };
  const setDefinition = (patch: Partial<DefinitionValues>) => {
    for (const [key, value] of Object.entries(patch))
      form.setValue(key as keyof DefinitionValues, value as never);
  };
  const submit = form.onSubmit(async (data) => {
    // The schema was chosen by `indicator` above, so the data is of that one's shape.
    const saved = indicator
      ? await update.mutateAsync(data)
      : await create.mutateAsync(data as CreateIndicatorInput);
    onSaved(saved);
  });
  // A framework's indicator belongs to one of its goals (or to the framework as a whole).
  const goalField = subject.type === "framework" && (
    <Select
      id={fieldId(form.prefix, "goalId")}
      label={labels.goalId}
      value={v.goalId}
      onChange={(goalId) => form.setValue("goalId", goalId)}
      error={form.errors.goalId}
      options={[{ value: "", label: t("indicators.form.noGoal") }, ...(goals.data ?? [])]}
    />
  );
  return (
    <form className="form" noValidate aria-labelledby={headingId} onSubmit={submit}>
      <h2 id={headingId}>
        {indicator ? t("indicators.form.editTitle") : t("indicators.form.newTitle", { name: subject.name })}
      </h2>
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <FormProblem form={form} />
      <TextField label={labels.name} isRequired {...form.field("name")} />
      <TextField
        label={labels.unit}
        description={t("indicators.form.unitHelp")}
        isRequired
        {...form.field("unit")}
      />
      {goalField}
      <TextField
        label={labels.goalText}
        description={t("indicators.form.goalTextHelp")}
        {...form.field("goalText")}
      />
      <Select
        id={fieldId(form.prefix, "direction")}
        label={labels.direction}
        value={v.direction}
        onChange={(direction) => form.setValue("direction", direction as Direction)}
        error={form.errors.direction}
        options={directions.map((d) => ({ value: d, label: t(`indicators.directions.${d}`) }))}
      />
      <TextField label={labels.target} inputMode="numeric" isRequired {...form.field("target")} />
      <TextField label={labels.baseline} inputMode="numeric" {...form.field("baseline")} />
      <TextField
        label={labels.startDate}
        description={t("indicators.form.dateHelp")}
        {...form.field("startDate")}
      />
      <TextField
        label={labels.deadline}
        description={t("indicators.form.dateHelp")}
        {...form.field("deadline")}
      />
      {indicator ? (
        <p>
          <strong>{t(`indicators.kinds.${indicator.kind}`)}.</strong> {t("indicators.form.kindFixed")}
        </p>
      ) : (
        <Select
          label={t("indicators.form.kind")}
          value={v.kind}
          onChange={(kind) => form.setValue("kind", kind as "computed" | "manual")}
          options={[
            { value: "computed", label: t("indicators.kinds.computed") },
            { value: "manual", label: t("indicators.kinds.manual") },
          ]}
        />
      )}
      {v.kind === "computed" ? (
        <DefinitionBuilder
          values={v}
          onChange={setDefinition}
          definition={computed(v)}
          subject={subject}
          goalChosen={!!v.goalId}
          errors={form.errors}
          prefix={form.prefix}
        />
      ) : (
        <p className="muted">{t("indicators.form.manualHelp")}</p>
      )}
      <div className="button-row">
        <Button type="submit" isPending={form.submitting}>
          {indicator ? t("indicators.form.save") : t("indicators.form.create")}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
