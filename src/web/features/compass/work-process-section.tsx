import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type WorkStepView, workStepStatuses } from "../../../common/compass.ts";
import { ApiError } from "../../api.ts";
import { Alert, Button, QueryState, Select, TextField } from "../../components/index.ts";
import { processQuery, useSetWorkStep } from "./compass-api.ts";

/** Goal formulation → inventory → analysis → recommendations → work plan, with who did what. */
export function WorkProcessSection({
  programmeId,
  year,
  canEdit,
}: {
  programmeId: string;
  year: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const process = useQuery(processQuery(programmeId, year));
  return (
    <section aria-labelledby="process-heading" className="compass-section">
      <h2 id="process-heading">{t("compass.process.title")}</h2>
      <p className="muted">{t("compass.process.intro")}</p>
      <QueryState query={process}>
        {(data) => (
          <ol className="process-steps">
            {data.steps.map((step) => (
              <Step key={step.key} step={step} programmeId={programmeId} year={year} canEdit={canEdit} />
            ))}
          </ol>
        )}
      </QueryState>
    </section>
  );
}

function Step({
  step,
  programmeId,
  year,
  canEdit,
}: {
  step: WorkStepView;
  programmeId: string;
  year: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const name = t(`compass.process.steps.${step.key}`);
  const none = t("compass.none");
  return (
    <li className={`process-step status-${step.status}`}>
      <h3>{name}</h3>
      <p className="step-status">{t(`compass.process.statuses.${step.status}`)}</p>
      <dl className="facts">
        <dt>{t("compass.process.startDate")}</dt>
        <dd>{step.startDate ?? none}</dd>
        <dt>{t("compass.process.doneDate")}</dt>
        <dd>{step.doneDate ?? none}</dd>
        <dt>{t("compass.process.responsible")}</dt>
        <dd>{step.responsible ?? none}</dd>
        {step.note && (
          <>
            <dt>{t("compass.note")}</dt>
            <dd>{step.note}</dd>
          </>
        )}
        <dt>{t("compass.process.updatedBy")}</dt>
        <dd>
          {step.updatedAt
            ? `${step.updatedBy ?? t("compass.process.system")} ${step.updatedAt.slice(0, 10)}`
            : none}
        </dd>
      </dl>
      {canEdit &&
        (editing ? (
          <StepForm step={step} programmeId={programmeId} year={year} onDone={() => setEditing(false)} />
        ) : (
          <Button variant="secondary" onPress={() => setEditing(true)}>
            {t("compass.process.editStep", { step: name })}
          </Button>
        ))}
    </li>
  );
}

function StepForm({
  step,
  programmeId,
  year,
  onDone,
}: {
  step: WorkStepView;
  programmeId: string;
  year: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId().replace(/[^a-zA-Z0-9]/g, "");
  const save = useSetWorkStep(programmeId, year);
  const [values, setValues] = useState({
    status: step.status as string,
    startDate: step.startDate ?? "",
    doneDate: step.doneDate ?? "",
    responsible: step.responsible ?? "",
    note: step.note ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const set = (name: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    try {
      await save.mutateAsync({
        step: step.key,
        status: values.status as WorkStepView["status"],
        startDate: values.startDate || null,
        doneDate: values.doneDate || null,
        responsible: values.responsible || null,
        note: values.note || null,
      });
      onDone();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else setProblem(error.problem.detail);
    }
  };
  return (
    <form className="form step-form" onSubmit={submit} noValidate>
      {problem && <Alert tone="error">{problem}</Alert>}
      <Select
        id={`${id}-status`}
        label={t("compass.process.status")}
        value={values.status}
        onChange={set("status")}
        options={workStepStatuses.map((s) => ({ value: s, label: t(`compass.process.statuses.${s}`) }))}
        error={errors.status}
      />
      <TextField
        id={`${id}-start`}
        type="date"
        label={t("compass.process.startDate")}
        value={values.startDate}
        onChange={set("startDate")}
        error={errors.startDate}
      />
      <TextField
        id={`${id}-done`}
        type="date"
        label={t("compass.process.doneDate")}
        value={values.doneDate}
        onChange={set("doneDate")}
        error={errors.doneDate}
      />
      <TextField
        id={`${id}-responsible`}
        label={t("compass.process.responsible")}
        value={values.responsible}
        onChange={set("responsible")}
        error={errors.responsible}
      />
      <TextField
        id={`${id}-note`}
        label={t("compass.note")}
        value={values.note}
        onChange={set("note")}
        error={errors.note}
      />
      <div className="button-row">
        <Button type="submit" isPending={save.isPending}>
          {t("compass.process.save")}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
