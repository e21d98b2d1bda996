import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatCredits } from "../../../common/format.ts";
import { programmeLevels } from "../../../common/programmes.ts";
import {
  DeleteRecordWithImpact,
  PageHeader,
  RegistersNav,
  Select,
  TextField,
} from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { type FieldProps, fieldId } from "../../lib/forms.ts";
import { organisationOptionsQuery, peopleOptionsQuery } from "./programmes-api.ts";

/** The form values a programme and a course share (as typed: credits as "7,5"). */
export type StudyValues = {
  code: string;
  nameSv: string;
  nameEn: string;
  credits: string;
  level: string;
  organisationId: string;
  responsiblePersonId: string;
};

type StudyRecord = {
  code: string;
  nameSv: string;
  nameEn: string | null;
  credits: number | null;
  level: string | null;
  organisation: { id: string } | null;
  responsiblePerson: { id: string } | null;
};

const blank = (v: string) => (v.trim() === "" ? null : v);

/** The shared values a form starts from: the record's, or empty for a new one. */
export function studyValues(record: StudyRecord | undefined): StudyValues {
  return {
    code: record?.code ?? "",
    nameSv: record?.nameSv ?? "",
    nameEn: record?.nameEn ?? "",
    credits: record?.credits == null ? "" : String(record.credits).replace(".", ","),
    level: record?.level ?? "",
    organisationId: record?.organisation?.id ?? "",
    responsiblePersonId: record?.responsiblePerson?.id ?? "",
  };
}

/** The shared values as the API takes them (an empty choice is null); the credits are the caller's. */
export function studyInput(v: StudyValues) {
  return {
    code: v.code,
    nameSv: v.nameSv,
    nameEn: blank(v.nameEn),
    level: blank(v.level),
    organisationId: blank(v.organisationId),
    responsiblePersonId: blank(v.responsiblePersonId),
  };
}

/** The shared fields' labels (also the error summary's). */
export function useStudyLabels(): Record<keyof StudyValues, string> {
  const { t } = useTranslation();
  return {
    code: t("programmes.code"),
    nameSv: t("programmes.nameSv"),
    nameEn: t("programmes.nameEn"),
    credits: t("programmes.credits"),
    level: t("programmes.level"),
    organisationId: t("programmes.organisation"),
    responsiblePersonId: t("programmes.responsiblePerson"),
  };
}

type ChoiceName = "level" | "organisationId" | "responsiblePersonId";

/** Code, names, credits, level, unit and responsible person: the fields of a programme's and a course's form. */
export function StudyFields({
  form,
  creditsRequired = false,
}: {
  form: {
    prefix: string;
    values: StudyValues;
    errors: Record<string, string[]>;
    field: (name: Exclude<keyof StudyValues, ChoiceName>) => FieldProps;
    setValue: (name: ChoiceName, value: string) => void;
  };
  creditsRequired?: boolean;
}) {
  const { t } = useTranslation();
  const labels = useStudyLabels();
  const organisations = useQuery(organisationOptionsQuery);
  const people = useQuery(peopleOptionsQuery);
  const none = { value: "", label: t("programmes.none") };
  const select = (name: ChoiceName) => ({
    id: fieldId(form.prefix, name),
    value: form.values[name],
    onChange: (value: string) => form.setValue(name, value),
    error: form.errors[name],
  });
  return (
    <>
      <TextField
        label={labels.code}
        description={t("programmes.codeHint")}
        isRequired
        {...form.field("code")}
      />
      <TextField label={labels.nameSv} isRequired {...form.field("nameSv")} />
      <TextField label={labels.nameEn} {...form.field("nameEn")} />
      <TextField
        label={labels.credits}
        description={t("programmes.creditsHint")}
        inputMode="decimal"
        isRequired={creditsRequired}
        {...form.field("credits")}
      />
      <Select
        label={labels.level}
        options={[none, ...programmeLevels.map((l) => ({ value: l, label: t(`programmes.levels.${l}`) }))]}
        {...select("level")}
      />
      <Select
        label={labels.organisationId}
        options={[none, ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.label }))]}
        {...select("organisationId")}
      />
      <Select
        label={labels.responsiblePersonId}
        options={[none, ...(people.data ?? []).map((p) => ({ value: p.id, label: p.label }))]}
        {...select("responsiblePersonId")}
      />
    </>
  );
}

/** The facts a programme's and a course's page share, then the page's own (`children`). */
export function StudyFacts({
  record: r,
  children,
}: {
  record: StudyRecord & {
    organisation: { name: string } | null;
    responsiblePerson: { name: string } | null;
  };
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t("programmes.code")}</dt>
      <dd>{r.code}</dd>
      <dt>{t("programmes.nameEn")}</dt>
      <dd>{r.nameEn ?? t("programmes.none")}</dd>
      <dt>{t("programmes.credits")}</dt>
      <dd>{r.credits === null ? t("programmes.none") : formatCredits(r.credits, currentLanguage())}</dd>
      <dt>{t("programmes.level")}</dt>
      <dd>{r.level ? t(`programmes.levels.${r.level}`) : t("programmes.none")}</dd>
      <dt>{t("programmes.organisation")}</dt>
      <dd>{r.organisation?.name ?? t("programmes.none")}</dd>
      <dt>{t("programmes.responsiblePerson")}</dt>
      <dd>{r.responsiblePerson?.name ?? t("programmes.none")}</dd>
      {children}
    </dl>
  );
}

const studyPaths = {
  programme: {
    edit: "/register/program/$id/redigera",
    list: "/register/program",
    api: "/api/programmes",
    editLabel: "programmes.editProgramme",
    deleteLabel: "programmes.deleteProgramme",
  },
  course: {
    edit: "/register/kurser/$id/redigera",
    list: "/register/kurser",
    api: "/api/courses",
    editLabel: "programmes.editCourse",
    deleteLabel: "programmes.deleteCourse",
  },
} as const;

/**
 * A programme's or course's page: its heading (name and code) with "Ändra" and "Ta bort" (which tells
 * what the removal would affect) for those who may, and the registers' tabs.
 */
export function StudyHeader({
  kind,
  record: r,
}: {
  kind: keyof typeof studyPaths;
  record: { id: string; code: string; nameSv: string; abilities: { update: boolean; delete: boolean } };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const paths = studyPaths[kind];
  const actions = (
    <div className="button-row">
      {r.abilities.update && (
        <Link to={paths.edit} params={{ id: r.id }} className="btn btn-secondary">
          {t(paths.editLabel)}
        </Link>
      )}
      {r.abilities.delete && (
        <DeleteRecordWithImpact
          path={`${paths.api}/${r.id}`}
          invalidates={["programmes", "courses", "activities"]}
          triggerLabel={t(paths.deleteLabel)}
          title={t("programmes.deleteConfirm", { name: r.nameSv })}
          nothingElse={t("programmes.deleteNothingElse")}
          onDeleted={() => navigate({ to: paths.list })}
        />
      )}
    </div>
  );
  return (
    <>
      <PageHeader title={`${r.nameSv} (${r.code})`} actions={actions} />
      <RegistersNav />
    </>
  );
}
