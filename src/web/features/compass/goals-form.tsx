import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CompassView, LEVELS } from "../../../common/compass.ts";
import { ApiError } from "../../api.ts";
import { Alert, Button, FormErrorSummary, Select } from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { type FieldErrors, fieldId } from "../../lib/forms.ts";
import { useSetGoals } from "./compass-api.ts";

/** The goal picture (målbild): a level per dimension and an optional note, saved together. */
export function GoalsForm({ view }: { view: CompassView }) {
  const { t } = useTranslation();
  const prefix = useId().replace(/[^a-zA-Z0-9]/g, "");
  const save = useSetGoals(view.programmeId, view.year);
  const [levels, setLevels] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.dimensions.map((d) => [d.key, d.goal === null ? "" : String(d.goal)])),
  );
  const [notes, setNotes] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.dimensions.map((d) => [d.key, d.note ?? ""])),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    setErrors({});
    const goals = Object.fromEntries(
      Object.entries(levels)
        .filter(([, v]) => v !== "")
        .map(([k, v]) => [k, Number(v)]),
    );
    const noteInput = Object.fromEntries(Object.entries(notes).map(([k, v]) => [k, v.trim() || null]));
    try {
      await save.mutateAsync({ goals, notes: noteInput });
      setMessage({ tone: "success", text: t("compass.goals.saved") });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else setMessage({ tone: "error", text: error.problem.detail });
    }
  };

  const labels = Object.fromEntries(
    view.dimensions.flatMap((d) => [
      [`goals.${d.key}`, t("compass.goals.levelFor", { dimension: d.label })],
      [`notes.${d.key}`, t("compass.goals.noteFor", { dimension: d.label })],
    ]),
  );
  const levelOptions = [
    { value: "", label: t("compass.noGoal") },
    ...LEVELS.map((l) => ({ value: String(l), label: t(`compass.levels.${l}`) })),
  ];

  return (
    <section aria-labelledby={`${prefix}-heading`} className="compass-section">
      <h2 id={`${prefix}-heading`}>{t("compass.goals.title")}</h2>
      <p className="muted">{t("compass.goals.intro")}</p>
      <form className="form goals-form" onSubmit={submit} noValidate>
        <FormErrorSummary errors={errors} labels={labels} prefix={prefix} />
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <div className="goal-grid">
          {view.dimensions.map((d) => (
            <fieldset key={d.key} className="goal-fieldset">
              <legend>{d.label}</legend>
              <Select
                id={fieldId(prefix, `goals.${d.key}`)}
                label={t("compass.goals.levelFor", { dimension: d.label })}
                description={`${t("compass.current")}: ${d.current}`}
                value={levels[d.key]}
                onChange={(value) => setLevels((v) => ({ ...v, [d.key]: value }))}
                options={levelOptions}
                error={errors[`goals.${d.key}`]}
              />
              <TextAreaField
                id={fieldId(prefix, `notes.${d.key}`)}
                label={t("compass.goals.noteFor", { dimension: d.label })}
                value={notes[d.key]}
                onChange={(value) => setNotes((v) => ({ ...v, [d.key]: value }))}
                error={errors[`notes.${d.key}`]}
              />
            </fieldset>
          ))}
        </div>
        <Button type="submit" isPending={save.isPending}>
          {t("compass.goals.save")}
        </Button>
      </form>
    </section>
  );
}
